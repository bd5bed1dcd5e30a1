using System.Collections.Frozen;
using System.Text.Json;
using Gateway.Auth.ApiKeys;
using Gateway.Auth.Authorization;
using Gateway.Auth.Jwt;
using Gateway.Auth.Options;
using Gateway.Configuration;
using Microsoft.AspNetCore.Authorization;
using Yarp.ReverseProxy.Configuration;

namespace Gateway.Auth;

/// <summary>Compiles validated auth options into the immutable <see cref="AuthSnapshot"/> of a generation.</summary>
internal static class AuthCompiler
{
    public static AuthSnapshot Compile(GatewayOptions options, IReadOnlyList<RouteConfig> routes)
    {
        var authentication = options.Authentication;
        var jwt = authentication.Jwt is { } jwtOptions ? CompileJwt(jwtOptions) : null;
        var keys = authentication.ApiKeys is { } keyOptions ? CompileKeys(keyOptions) : null;
        var policies = options.Authorization.Policies.ToFrozenDictionary(
            p => p.Key, p => BuildPolicy(p.Key, p.Value), StringComparer.OrdinalIgnoreCase);
        var fallbackName = EffectiveDefaultPolicy(options);
        var fallback = string.Equals(fallbackName, GatewayAuthorizationOptions.Anonymous, StringComparison.OrdinalIgnoreCase) ? null
            : string.Equals(fallbackName, GatewayAuthorizationOptions.Authenticated, StringComparison.OrdinalIgnoreCase) ? AuthPolicies.Authenticated
            : policies[fallbackName];

        var routeAuth = new Dictionary<string, RouteAuth>(StringComparer.OrdinalIgnoreCase);
        foreach (var route in routes)
        {
            options.Routes.TryGetValue(route.RouteId, out var routeOptions);
            var requires = RequiresAuthentication(route.AuthorizationPolicy, fallback is not null);
            routeAuth[route.RouteId] = new RouteAuth(requires, routeOptions?.HideForbidden ?? false, routeOptions?.ForwardAuthorization ?? !requires);
        }

        var headers = authentication.IdentityHeaders;
        return new AuthSnapshot
        {
            Realm = authentication.Realm,
            Jwt = jwt,
            ApiKeys = keys,
            IdentityHeaders = new IdentityHeaderNames(headers.ClientId, headers.Subject, headers.Scopes),
            Policies = policies,
            FallbackPolicy = fallback,
            Routes = routeAuth.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase),
        };
    }

    /// <summary>The configured default, or fail-safe "Authenticated" as soon as any credential type is configured.</summary>
    public static string EffectiveDefaultPolicy(GatewayOptions options) =>
        options.Authorization.DefaultPolicy
        ?? (options.Authentication.Jwt is not null || options.Authentication.ApiKeys is not null
            ? GatewayAuthorizationOptions.Authenticated
            : GatewayAuthorizationOptions.Anonymous);

    /// <summary>Whether a route with this YARP <c>AuthorizationPolicy</c> needs credentials.</summary>
    public static bool RequiresAuthentication(string? routePolicy, bool fallbackRequires) =>
        string.IsNullOrEmpty(routePolicy)
            ? fallbackRequires
            : !string.Equals(routePolicy, GatewayAuthorizationOptions.Anonymous, StringComparison.OrdinalIgnoreCase);

    private static JwtSettings CompileJwt(JwtOptions options)
    {
        var algorithms = options.Algorithms.Count == 0 ? ["RS256"] : options.Algorithms.Distinct(StringComparer.Ordinal).ToArray();
        var keys = options.SigningKeys
            .Select(k => SigningKeyReader.TryRead(k.Key, k.Value, algorithms, out _)!)
            .ToArray();
        var metadata = !string.IsNullOrEmpty(options.MetadataAddress) ? options.MetadataAddress
            : !string.IsNullOrEmpty(options.Authority) ? options.Authority.TrimEnd('/') + "/.well-known/openid-configuration"
            : null;
        return new JwtSettings
        {
            Fingerprint = JsonSerializer.Serialize(options),
            MetadataAddress = metadata,
            RequireHttpsMetadata = options.RequireHttpsMetadata,
            Issuer = string.IsNullOrEmpty(options.Issuer) ? null : options.Issuer,
            Audiences = [.. options.Audiences],
            Algorithms = algorithms,
            ClockSkew = TimeSpan.FromSeconds(options.ClockSkewSeconds),
            SigningKeys = keys,
            RefreshInterval = TimeSpan.FromSeconds(options.RefreshIntervalSeconds),
            AutomaticRefreshInterval = TimeSpan.FromMinutes(options.AutomaticRefreshMinutes),
            MaxTokenBytes = options.MaxTokenBytes,
            CacheMaxEntries = options.TokenCache.MaxEntries,
            Claims = new ClaimNormalizer(options.ScopeClaims, options.RoleClaims, options.ClientIdClaims),
        };
    }

    private static ApiKeySettings CompileKeys(ApiKeysOptions options)
    {
        var entries = new List<ApiKeyEntry>(options.Keys.Count);
        foreach (var (name, key) in options.Keys)
        {
            if (!ApiKeyTable.TryParseHash(key.Sha256, out var hash))
            {
                throw new InvalidOperationException($"API key '{name}' was not validated"); // the validator refuses this first
            }

            entries.Add(new ApiKeyEntry(hash, string.IsNullOrEmpty(key.ClientId) ? name : key.ClientId, key.Scopes, key.Roles));
        }

        return new ApiKeySettings
        {
            Header = options.Header,
            AllowQueryString = options.AllowQueryString,
            QueryParameter = options.QueryParameter,
            Table = new ApiKeyTable(entries),
        };
    }

    private static AuthorizationPolicy BuildPolicy(string name, AccessPolicyOptions options)
    {
        var builder = new AuthorizationPolicyBuilder().RequireAuthenticatedUser();
        if (options.Scopes.Count > 0 || options.Roles.Count > 0 || options.Claims.Count > 0)
        {
            var claims = options.Claims
                .Select(c => new KeyValuePair<string, FrozenSet<string>?>(
                    c.Key, c.Value.Contains(AccessRequirement.AnyValue) ? null : c.Value.ToFrozenSet(StringComparer.Ordinal)))
                .ToArray();
            builder.AddRequirements(new AccessRequirement(name, [.. options.Scopes], [.. options.Roles], claims));
        }

        return builder.Build();
    }
}
