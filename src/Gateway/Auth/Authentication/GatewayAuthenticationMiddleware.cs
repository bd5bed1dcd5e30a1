using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Features.Authentication;

namespace Gateway.Auth.Authentication;

/// <summary>
/// The gateway's authentication step: what <c>UseAuthentication()</c> does for the one default scheme, without the
/// authentication service, the per-request handler and its set-up in between. The outcome on the request is the same:
/// <see cref="HttpContext.User"/> and the authenticate-result feature the authorization middleware reads.
/// </summary>
/// <remarks>
/// No remote schemes (OpenID Connect sign-in callbacks) exist in the gateway, so there are no request handlers to
/// offer the request to first, and nothing reads the original-path feature they need.
/// </remarks>
internal sealed class GatewayAuthenticationMiddleware(RequestDelegate next, CredentialAuthenticator authenticator)
{
    public Task InvokeAsync(HttpContext context)
    {
        var pending = authenticator.AuthenticateAsync(context);
        if (!pending.IsCompletedSuccessfully)
        {
            return AwaitAsync(context, pending);
        }

        Apply(context, pending.Result);
        return next(context);
    }

    private async Task AwaitAsync(HttpContext context, Task<AuthenticateResult> pending)
    {
        Apply(context, await pending);
        await next(context);
    }

    private static void Apply(HttpContext context, AuthenticateResult result)
    {
        if (result.Principal is { } principal)
        {
            context.User = principal;
        }

        if (result.Succeeded)
        {
            var feature = new AuthenticatedRequestFeature(result);
            context.Features.Set<IHttpAuthenticationFeature>(feature);
            context.Features.Set<IAuthenticateResultFeature>(feature);
        }
    }
}
