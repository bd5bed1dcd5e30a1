using Gateway.Auth.Authentication;
using Gateway.Auth.Authorization;
using Gateway.Configuration;
using Microsoft.AspNetCore.Authorization;

namespace Gateway.Auth;

/// <summary>The authentication and authorization steps of the gateway's pipeline.</summary>
internal static class GatewayAuthApplicationBuilderExtensions
{
    // The markers UseAuthentication/UseAuthorization leave on the builder. Minimal hosting adds both steps in front
    // of the whole pipeline when the app's own builder lacks them, and a UseWhen branch writes to a copy.
    private const string AuthenticationMiddlewareSet = "__AuthenticationMiddlewareSet";
    private const string AuthorizationMiddlewareSet = "__AuthorizationMiddlewareSet";

    /// <summary>After routing (policies are per endpoint), before rate limiting and the proxy.</summary>
    /// <remarks>
    /// Both steps are skipped, per request, when they cannot change the outcome: the config generation accepts no
    /// credentials and has no default policy, and the endpoint asks for no authorization. They cost several
    /// allocations per request even then.
    /// </remarks>
    public static IApplicationBuilder UseGatewayAuth(this IApplicationBuilder app)
    {
        var snapshots = app.ApplicationServices.GetRequiredService<GatewaySnapshotAccessor>();
        app.UseWhen(context => IsNeeded(context, snapshots.Current.Auth), branch => branch.UseMiddleware<GatewayAuthenticationMiddleware>().UseMiddleware<GatewayAuthorizationMiddleware>());
        app.Properties[AuthenticationMiddlewareSet] = true;
        app.Properties[AuthorizationMiddlewareSet] = true;
        return app;
    }

    internal static bool IsNeeded(HttpContext context, AuthSnapshot auth) =>
        auth.AcceptsCredentials
        || auth.FallbackPolicy is not null
        || context.GetEndpoint()?.Metadata.GetMetadata<IAuthorizeData>() is not null;
}
