using System.Security.Claims;
using System.Text.Encodings.Web;
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
/// The default scheme. Decides which credential a request carries, refuses ambiguous or misplaced ones (RFC 6750
/// <c>invalid_request</c>), hands bearer tokens to JwtBearer and checks API keys itself. Settings come from the
/// config generation in force, so key edits apply without a restart.
/// </summary>
internal sealed partial class GatewayAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    GatewaySnapshotAccessor snapshot,
    IOptionsMonitor<JwtBearerOptions> bearerOptions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var auth = snapshot.Current.Auth;
        if (!auth.AcceptsCredentials)
        {
            return AuthenticateResult.NoResult();
        }

        // Only credentials the gateway accepts are looked at: an Authorization header is the upstream's business
        // when bearer tokens are off, an X-API-Key when keys are.
        var authorization = auth.Jwt is null ? StringValues.Empty : Request.Headers.Authorization;
        var keys = auth.ApiKeys;
        var headerKey = keys is null ? StringValues.Empty : Request.Headers[keys.Header];
        var queryKey = keys is not null && Request.QueryString.HasValue ? Request.Query[keys.QueryParameter] : StringValues.Empty;

        if (authorization.Count > 1 || headerKey.Count > 1 || queryKey.Count > 1)
        {
            return Reject(CredentialFailure.Malformed(CredentialMethod.Request, "Send one credential per request", "repeated credential header"));
        }

        if (queryKey.Count == 1 && !keys!.AllowQueryString)
        {
            // A key in a URL ends up in access logs and browser history: treat it as leaked and refuse the request.
            return Reject(CredentialFailure.Malformed(CredentialMethod.ApiKey, $"API keys are not accepted in the query string; send the {keys.Header} header", "API key in query string"));
        }

        // A view of the token, not a copy: the bearer scheme reads the header again itself.
        var hasBearer = authorization.Count == 1 && authorization[0]!.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase);
        var bearer = hasBearer ? authorization[0].AsMemory(BearerPrefix.Length).Trim() : ReadOnlyMemory<char>.Empty;
        if ((hasBearer ? 1 : 0) + headerKey.Count + queryKey.Count > 1)
        {
            return Reject(CredentialFailure.Malformed(CredentialMethod.Request, "Send one credential per request", "more than one credential"));
        }

        if (hasBearer)
        {
            return await AuthenticateBearerAsync(bearer, auth);
        }

        var key = headerKey.Count == 1 ? headerKey[0] : queryKey.Count == 1 ? queryKey[0] : null;
        return key is null ? AuthenticateResult.NoResult() : AuthenticateApiKey(key, keys!);
    }

    private async Task<AuthenticateResult> AuthenticateBearerAsync(ReadOnlyMemory<char> token, AuthSnapshot auth)
    {
        // A compact JWS has no spaces or commas: these mean two headers folded into one, or stray text.
        if (token.Length == 0 || token.Span.IndexOfAny(' ', ',', '\t') >= 0)
        {
            return Reject(CredentialFailure.Malformed(CredentialMethod.Bearer, "The Authorization header is malformed", "malformed bearer credential"));
        }

        if (token.Length > auth.Jwt!.MaxTokenBytes)
        {
            return Reject(CredentialFailure.BadToken("token too large"));
        }

        // A token already validated against the keys in force skips JwtBearer's per-request set-up (a handler, a copy
        // of the validation parameters, events): the same cache would answer inside it.
        var options = bearerOptions.Get(GatewayAuthenticationDefaults.BearerScheme);
        if (options.TokenHandlers is [CachingJsonWebTokenHandler handler]
            && await handler.FindValidatedAsync(token, options.ConfigurationManager as BaseConfigurationManager) is { } identity)
        {
            return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
        }

        var result = await Context.AuthenticateAsync(GatewayAuthenticationDefaults.BearerScheme);
        return result.Succeeded
            ? AuthenticateResult.Success(new AuthenticationTicket(result.Principal, Scheme.Name))
            : Reject(CredentialFailure.FromBearer(result.Failure));
    }

    private AuthenticateResult AuthenticateApiKey(string key, ApiKeySettings keys)
    {
        var entry = keys.Table.Find(key);
        return entry is null
            ? Reject(CredentialFailure.BadApiKey("unknown API key"))
            : AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(entry.Identity), Scheme.Name));
    }

    private AuthenticateResult Reject(CredentialFailure failure)
    {
        Context.Features.Set(failure);
        if (failure.Status >= 500)
        {
            Log.KeysUnavailable(Logger, failure.LogReason);
        }
        else
        {
            Log.CredentialRejected(Logger, failure.Method, failure.Error, failure.LogReason);
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
