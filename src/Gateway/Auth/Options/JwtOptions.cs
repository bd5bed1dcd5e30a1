namespace Gateway.Auth.Options;

/// <summary>JWT bearer validation: <c>Gateway:Authentication:Jwt</c>. Set either <see cref="Authority"/> or <see cref="SigningKeys"/>.</summary>
public sealed class JwtOptions
{
    /// <summary>The OIDC issuer URL; discovery is read from <c>{Authority}/.well-known/openid-configuration</c>.</summary>
    public string? Authority { get; set; }

    /// <summary>The discovery document's URL when it is not under <see cref="Authority"/>.</summary>
    public string? MetadataAddress { get; set; }

    /// <summary>Refuse discovery and JWKS over plain HTTP. Default on.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The expected <c>iss</c>. Required with static keys; with an authority, the discovery issuer is also accepted.</summary>
    public string? Issuer { get; set; }

    /// <summary>The accepted <c>aud</c> values; at least one is required.</summary>
    public List<string> Audiences { get; set; } = [];

    /// <summary>The accepted <c>alg</c> values (e.g. <c>RS256</c>, <c>ES256</c>). Empty: <c>RS256</c> only.</summary>
    public List<string> Algorithms { get; set; } = [];

    /// <summary>Tolerance on <c>exp</c> and <c>nbf</c>, in seconds (0-300). Default 30, not .NET's 300.</summary>
    public int ClockSkewSeconds { get; set; } = 30;

    /// <summary>Static public keys for offline use, keyed by their <c>kid</c>.</summary>
    public Dictionary<string, JwtSigningKeyOptions> SigningKeys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Least time between two JWKS refreshes caused by an unknown <c>kid</c>, in seconds (1-86400). Default 60.</summary>
    public int RefreshIntervalSeconds { get; set; } = 60;

    /// <summary>How often discovery and JWKS are re-read anyway, in minutes (5-10080). Default 720 (12 h).</summary>
    public int AutomaticRefreshMinutes { get; set; } = 720;

    /// <summary>Longest token accepted, in bytes (1024-262144). Default 8192.</summary>
    public int MaxTokenBytes { get; set; } = 8192;

    /// <summary>Claims holding scopes (space-separated or arrays). Empty: <c>scope</c>, <c>scp</c>.</summary>
    public List<string> ScopeClaims { get; set; } = [];

    /// <summary>Claims holding roles. Empty: <c>roles</c>, <c>role</c>.</summary>
    public List<string> RoleClaims { get; set; } = [];

    /// <summary>Claims holding the client id, first found wins. Empty: <c>client_id</c>, <c>azp</c>, <c>appid</c>.</summary>
    public List<string> ClientIdClaims { get; set; } = [];

    /// <summary>The cache of validated tokens.</summary>
    public TokenCacheOptions TokenCache { get; set; } = new();
}
