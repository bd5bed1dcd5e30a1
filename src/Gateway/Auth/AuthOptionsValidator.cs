using Gateway.Auth.ApiKeys;
using Gateway.Auth.Options;
using Gateway.Configuration;
using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy.Configuration;

namespace Gateway.Auth;

/// <summary>Checks <c>Gateway:Authentication</c>, <c>Gateway:Authorization</c> and the routes' policy names.</summary>
internal static class AuthOptionsValidator
{
    private const string AuthenticationPath = GatewayAuthenticationOptions.SectionName;
    private const string AuthorizationPath = GatewayAuthorizationOptions.SectionName;
    private const string NoCredentials = "requires credentials, but Gateway:Authentication accepts none (configure Jwt or ApiKeys)";

    public static void Validate(GatewayOptions options, IReadOnlyList<RouteConfig> routes, List<ConfigProblem> problems)
    {
        var authentication = options.Authentication;
        if (string.IsNullOrEmpty(authentication.Realm) || !authentication.Realm.All(c => c is >= ' ' and <= '~' and not '"' and not '\\'))
        {
            problems.Add(new($"{AuthenticationPath}:Realm", "must be printable ASCII without quotes or backslashes"));
        }

        ValidateIdentityHeaders(authentication.IdentityHeaders, options.CorrelationIdHeader, problems);
        if (authentication.Jwt is { } jwt)
        {
            JwtOptionsValidator.Validate(jwt, problems);
        }

        if (authentication.ApiKeys is { } keys)
        {
            ValidateApiKeys(keys, problems);
        }

        var accepts = authentication.Jwt is not null || authentication.ApiKeys is not null;
        var policies = options.Authorization.Policies;
        foreach (var (name, policy) in policies)
        {
            var path = $"{AuthorizationPath}:Policies:{name}";
            if (IsReserved(name) || name.Equals("Default", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(new(path, $"'{name}' is a reserved name"));
            }

            CheckWords(policy.Scopes, $"{path}:Scopes", problems);
            JwtOptionsValidator.CheckNames(policy.Roles, $"{path}:Roles", problems);
            foreach (var (type, values) in policy.Claims)
            {
                if (string.IsNullOrWhiteSpace(type) || values.Count == 0 || values.Any(string.IsNullOrEmpty))
                {
                    problems.Add(new($"{path}:Claims:{type}", $"needs a claim type and at least one value ('{Authorization.AccessRequirement.AnyValue}' accepts any)"));
                }
            }
        }

        if (options.Authorization.DefaultPolicy is { } fallback && !IsReserved(fallback) && !policies.ContainsKey(fallback))
        {
            problems.Add(new($"{AuthorizationPath}:DefaultPolicy", $"'{fallback}' is not Anonymous, Authenticated or a policy in {AuthorizationPath}:Policies"));
        }

        var fallbackRequires = AuthCompiler.RequiresAuthentication(AuthCompiler.EffectiveDefaultPolicy(options), fallbackRequires: false);
        if (fallbackRequires && !accepts)
        {
            problems.Add(new($"{AuthorizationPath}:DefaultPolicy", NoCredentials));
        }

        foreach (var route in routes)
        {
            var name = route.AuthorizationPolicy;
            var path = $"ReverseProxy:Routes:{route.RouteId}:AuthorizationPolicy";
            if (!string.IsNullOrEmpty(name) && !IsReserved(name) && !name.Equals("Default", StringComparison.OrdinalIgnoreCase) && !policies.ContainsKey(name))
            {
                problems.Add(new(path, $"policy '{name}' is not defined in {AuthorizationPath}:Policies"));
            }
            else if (!string.IsNullOrEmpty(name) && AuthCompiler.RequiresAuthentication(name, false) && !accepts)
            {
                problems.Add(new(path, NoCredentials));
            }
        }
    }

    private static bool IsReserved(string name) =>
        name.Equals(GatewayAuthorizationOptions.Anonymous, StringComparison.OrdinalIgnoreCase)
        || name.Equals(GatewayAuthorizationOptions.Authenticated, StringComparison.OrdinalIgnoreCase);

    private static void ValidateIdentityHeaders(IdentityHeadersOptions headers, string correlationHeader, List<ConfigProblem> problems)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in new[] { ("ClientId", headers.ClientId), ("Subject", headers.Subject), ("Scopes", headers.Scopes) })
        {
            var path = $"{AuthenticationPath}:IdentityHeaders:{name}";
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            if (!GatewayOptionsValidator.IsToken(value) || IsReservedHeader(value) || value.Equals(correlationHeader, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(new(path, $"'{value}' is not a header name the gateway can own"));
            }
            else if (!seen.Add(value))
            {
                problems.Add(new(path, $"'{value}' is already used by another identity header"));
            }
        }
    }

    private static void ValidateApiKeys(ApiKeysOptions keys, List<ConfigProblem> problems)
    {
        const string Path = AuthenticationPath + ":ApiKeys";
        if (string.IsNullOrEmpty(keys.Header) || !GatewayOptionsValidator.IsToken(keys.Header) || IsReservedHeader(keys.Header))
        {
            problems.Add(new($"{Path}:Header", $"'{keys.Header}' cannot carry API keys"));
        }

        if (string.IsNullOrEmpty(keys.QueryParameter))
        {
            problems.Add(new($"{Path}:QueryParameter", "must not be empty"));
        }

        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, key) in keys.Keys)
        {
            var path = $"{Path}:Keys:{name}";
            if (!ApiKeyTable.TryParseHash(key.Sha256, out _))
            {
                problems.Add(new($"{path}:Sha256", "must be the 64 hex digits of the key's SHA-256 (printf %s \"$KEY\" | sha256sum)"));
            }
            else if (!seen.TryAdd(key.Sha256!.Trim(), name))
            {
                problems.Add(new($"{path}:Sha256", $"is the same key as '{seen[key.Sha256!.Trim()]}'"));
            }

            var clientId = string.IsNullOrEmpty(key.ClientId) ? name : key.ClientId;
            if (clientId.Length > 128 || !clientId.All(c => c is > ' ' and <= '~'))
            {
                problems.Add(new($"{path}:ClientId", "must be 1-128 visible ASCII characters (it is sent upstream in a header)"));
            }

            CheckWords(key.Scopes, $"{path}:Scopes", problems);
            CheckWords(key.Roles, $"{path}:Roles", problems);
        }
    }

    // Scopes are space-separated on the wire (RFC 6749 §3.3): one must not contain spaces.
    private static void CheckWords(List<string> values, string path, List<ConfigProblem> problems)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (string.IsNullOrEmpty(values[i]) || !values[i].All(c => c is > ' ' and <= '~'))
            {
                problems.Add(new($"{path}:{i}", $"'{values[i]}' must be visible ASCII without spaces"));
            }
        }
    }

    private static bool IsReservedHeader(string name) =>
        name.Equals(HeaderNames.Authorization, StringComparison.OrdinalIgnoreCase)
        || name.Equals(HeaderNames.Host, StringComparison.OrdinalIgnoreCase)
        || name.Equals(HeaderNames.Cookie, StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase);
}
