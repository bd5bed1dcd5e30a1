using Gateway.Auth.Jwt;
using Gateway.Auth.Options;
using Gateway.Configuration;

namespace Gateway.Auth;

/// <summary>Checks <c>Gateway:Authentication:Jwt</c>, each problem with its path.</summary>
internal static class JwtOptionsValidator
{
    /// <summary>Algorithms that may be pinned; <c>none</c> never.</summary>
    public static readonly IReadOnlySet<string> KnownAlgorithms = new HashSet<string>(StringComparer.Ordinal)
    {
        "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "HS256", "HS384", "HS512",
    };

    public static void Validate(JwtOptions jwt, List<ConfigProblem> problems)
    {
        const string Path = GatewayAuthenticationOptions.SectionName + ":Jwt";
        var discovery = !string.IsNullOrEmpty(jwt.Authority) || !string.IsNullOrEmpty(jwt.MetadataAddress);
        if (discovery == jwt.SigningKeys.Count > 0)
        {
            problems.Add(new(Path, "set either Authority (OIDC discovery and JWKS) or SigningKeys (static keys), not both"));
        }

        CheckUrl(jwt.Authority, jwt.RequireHttpsMetadata, $"{Path}:Authority", problems);
        CheckUrl(jwt.MetadataAddress, jwt.RequireHttpsMetadata, $"{Path}:MetadataAddress", problems);
        if (jwt.SigningKeys.Count > 0 && string.IsNullOrWhiteSpace(jwt.Issuer))
        {
            problems.Add(new($"{Path}:Issuer", "is required with SigningKeys"));
        }

        if (jwt.Audiences.Count == 0)
        {
            problems.Add(new($"{Path}:Audiences", "at least one audience is required"));
        }

        CheckNames(jwt.Audiences, $"{Path}:Audiences", problems);
        CheckNames(jwt.ScopeClaims, $"{Path}:ScopeClaims", problems);
        CheckNames(jwt.RoleClaims, $"{Path}:RoleClaims", problems);
        CheckNames(jwt.ClientIdClaims, $"{Path}:ClientIdClaims", problems);
        for (var i = 0; i < jwt.Algorithms.Count; i++)
        {
            if (!KnownAlgorithms.Contains(jwt.Algorithms[i]))
            {
                problems.Add(new($"{Path}:Algorithms:{i}", $"'{jwt.Algorithms[i]}' is not allowed; use one of {string.Join(", ", KnownAlgorithms)}"));
            }
        }

        CheckRange(jwt.ClockSkewSeconds, 0, 300, $"{Path}:ClockSkewSeconds", problems);
        CheckRange(jwt.RefreshIntervalSeconds, 1, 86_400, $"{Path}:RefreshIntervalSeconds", problems);
        CheckRange(jwt.AutomaticRefreshMinutes, 5, 10_080, $"{Path}:AutomaticRefreshMinutes", problems);
        CheckRange(jwt.MaxTokenBytes, 1024, 262_144, $"{Path}:MaxTokenBytes", problems);
        CheckRange(jwt.TokenCache.MaxEntries, 0, 1_000_000, $"{Path}:TokenCache:MaxEntries", problems);

        var algorithms = jwt.Algorithms.Count == 0 ? ["RS256"] : jwt.Algorithms.Where(KnownAlgorithms.Contains).ToArray();
        foreach (var (keyId, key) in jwt.SigningKeys)
        {
            if (algorithms.Length > 0 && SigningKeyReader.TryRead(keyId, key, algorithms, out var error) is null)
            {
                problems.Add(new($"{Path}:SigningKeys:{keyId}", error!));
            }
        }
    }

    private static void CheckUrl(string? value, bool requireHttps, string path, List<ConfigProblem> problems)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add(new(path, $"'{value}' is not an absolute http or https URL"));
        }
        else if (requireHttps && uri.Scheme != Uri.UriSchemeHttps)
        {
            problems.Add(new(path, "must be https (or set RequireHttpsMetadata to false, for tests only)"));
        }
    }

    internal static void CheckNames(List<string> values, string path, List<ConfigProblem> problems)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(values[i]))
            {
                problems.Add(new($"{path}:{i}", "must not be empty"));
            }
        }
    }

    private static void CheckRange(int value, int min, int max, string path, List<ConfigProblem> problems)
    {
        if (value < min || value > max)
        {
            problems.Add(new(path, $"must be between {min} and {max}"));
        }
    }
}
