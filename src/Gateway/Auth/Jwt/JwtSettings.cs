using Microsoft.IdentityModel.Tokens;

namespace Gateway.Auth.Jwt;

/// <summary>Compiled JWT settings of one generation. <see cref="Fingerprint"/> tells whether an edit changed them.</summary>
internal sealed class JwtSettings
{
    /// <summary>The options as JSON: equal fingerprints keep the running handler, its JWKS and its token cache.</summary>
    public required string Fingerprint { get; init; }

    /// <summary>The discovery document URL, or null with static keys.</summary>
    public string? MetadataAddress { get; init; }

    public bool RequireHttpsMetadata { get; init; }

    public string? Issuer { get; init; }

    public required IReadOnlyList<string> Audiences { get; init; }

    public required IReadOnlyList<string> Algorithms { get; init; }

    public TimeSpan ClockSkew { get; init; }

    public required IReadOnlyList<SecurityKey> SigningKeys { get; init; }

    public TimeSpan RefreshInterval { get; init; }

    public TimeSpan AutomaticRefreshInterval { get; init; }

    public int MaxTokenBytes { get; init; }

    public int CacheMaxEntries { get; init; }

    public required ClaimNormalizer Claims { get; init; }
}
