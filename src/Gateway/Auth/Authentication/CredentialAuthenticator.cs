using System.Security.Claims;
using Gateway.Auth.ApiKeys;
using Gateway.Auth.Jwt;
using Gateway.Configuration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.IdentityModel.Tokens;

namespace Gateway.Auth.Authentication;

/// <summary>
/// Decides which credential a request carries, refuses ambiguous or misplaced ones (RFC 6750 <c>invalid_request</c>),
/// hands bearer tokens to JwtBearer and checks API keys itself. Settings come from the config generation in force, so
/// key edits apply without a restart. One instance serves every request: the gateway's authentication step calls it
/// directly, and the <see cref="GatewayAuthenticationDefaults.Scheme"/> handler wraps it for anything that asks the
/// authentication service.
/// </summary>
internal sealed partial class CredentialAuthenticator(
    GatewaySnapshotAccessor snapshot,
    IOptionsMonitor<JwtBearerOptions> bearerOptions,
    ILoggerFactory loggerFactory)
{
    private const string BearerPrefix = "Bearer ";

    // The category of the days this logic lived in the scheme handler: operators' log queries filter on it.
    private readonly ILogger _logger = loggerFactory.CreateLogger("Gateway.Auth.Authentication.GatewayAuthenticationHandler");

    public Task<AuthenticateResult> AuthenticateAsync(HttpContext context)
    {
        var auth = snapshot.Current.Auth;
        if (!auth.AcceptsCredentials)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        // Only credentials the gateway accepts are looked at: an Authorization header is the upstream's business
        // when bearer tokens are off, an X-API-Key when keys are.
        var request = context.Request;
        var authorization = auth.Jwt is null ? StringValues.Empty : request.Headers.Authorization;
        var keys = auth.ApiKeys;
        var headerKey = keys is null ? StringValues.Empty : request.Headers[keys.Header];
        var queryKey = keys is not null && request.QueryString.HasValue ? request.Query[keys.QueryParameter] : StringValues.Empty;

        if (authorization.Count > 1 || headerKey.Count > 1 || queryKey.Count > 1)
        {
            return Reject(context, CredentialFailure.Malformed(CredentialMethod.Request, "Send one credential per request", "repeated credential header"));
        }

        if (queryKey.Count == 1 && !keys!.AllowQueryString)
        {
            // A key in a URL ends up in access logs and browser history: treat it as leaked and refuse the request.
            return Reject(context, CredentialFailure.Malformed(CredentialMethod.ApiKey, $"API keys are not accepted in the query string; send the {keys.Header} header", "API key in query string"));
        }

        // A view of the token, not a copy: the bearer scheme reads the header again itself.
        var hasBearer = authorization.Count == 1 && authorization[0]!.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase);
        var bearer = hasBearer ? authorization[0].AsMemory(BearerPrefix.Length).Trim() : ReadOnlyMemory<char>.Empty;
        if ((hasBearer ? 1 : 0) + headerKey.Count + queryKey.Count > 1)
        {
            return Reject(context, CredentialFailure.Malformed(CredentialMethod.Request, "Send one credential per request", "more than one credential"));
        }

        if (hasBearer)
        {
            return AuthenticateBearerAsync(context, bearer, auth);
        }

        var key = headerKey.Count == 1 ? headerKey[0] : queryKey.Count == 1 ? queryKey[0] : null;
        return Task.FromResult(key is null ? AuthenticateResult.NoResult() : AuthenticateApiKey(context, key, keys!));
    }

    private async Task<AuthenticateResult> AuthenticateBearerAsync(HttpContext context, ReadOnlyMemory<char> token, AuthSnapshot auth)
    {
        // A compact JWS has no spaces or commas: these mean two headers folded into one, or stray text.
        if (token.Length == 0 || token.Span.IndexOfAny(' ', ',', '\t') >= 0)
        {
            return await Reject(context, CredentialFailure.Malformed(CredentialMethod.Bearer, "The Authorization header is malformed", "malformed bearer credential"));
        }

        if (token.Length > auth.Jwt!.MaxTokenBytes)
        {
            return await Reject(context, CredentialFailure.BadToken("token too large"));
        }

        // A token already validated against the keys in force skips JwtBearer's per-request set-up (a handler, a copy
        // of the validation parameters, events): the same cache would answer inside it.
        var options = bearerOptions.Get(GatewayAuthenticationDefaults.BearerScheme);
        if (options.TokenHandlers is [CachingJsonWebTokenHandler handler]
            && await handler.FindValidatedAsync(token, options.ConfigurationManager as BaseConfigurationManager) is { } identity)
        {
            return Success(new ClaimsPrincipal(identity));
        }

        var result = await context.AuthenticateAsync(GatewayAuthenticationDefaults.BearerScheme);
        return result.Succeeded
            ? Success(result.Principal)
            : await Reject(context, CredentialFailure.FromBearer(result.Failure));
    }

    private AuthenticateResult AuthenticateApiKey(HttpContext context, string key, ApiKeySettings keys)
    {
        var entry = keys.Table.Find(key);
        return entry is null
            ? RejectNow(context, CredentialFailure.BadApiKey("unknown API key"))
            : Success(new ClaimsPrincipal(entry.Identity));
    }

    private static AuthenticateResult Success(ClaimsPrincipal principal) =>
        AuthenticateResult.Success(new AuthenticationTicket(principal, GatewayAuthenticationDefaults.Scheme));

    private Task<AuthenticateResult> Reject(HttpContext context, CredentialFailure failure) => Task.FromResult(RejectNow(context, failure));

    private AuthenticateResult RejectNow(HttpContext context, CredentialFailure failure)
    {
        context.Features.Set(failure);
        if (failure.Status >= 500)
        {
            Log.KeysUnavailable(_logger, failure.LogReason);
        }
        else
        {
            Log.CredentialRejected(_logger, failure.Method, failure.Error, failure.LogReason);
        }

        return AuthenticateResult.Fail(failure.Description);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Credential refused ({Method}, {Error}): {Reason}")]
        public static partial void CredentialRejected(ILogger logger, CredentialMethod method, string? error, string reason);

        [LoggerMessage(2, LogLevel.Error, "Bearer token not checked: {Reason}")]
        public static partial void KeysUnavailable(ILogger logger, string reason);
    }
}
