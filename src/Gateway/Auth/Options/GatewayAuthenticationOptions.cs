namespace Gateway.Auth.Options;

/// <summary>How clients prove who they are: the <c>Gateway:Authentication</c> section.</summary>
/// <remarks>With neither <see cref="Jwt"/> nor <see cref="ApiKeys"/> set, no credentials are accepted.</remarks>
public sealed class GatewayAuthenticationOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Gateway:Authentication";

    /// <summary>The <c>realm</c> of every <c>WWW-Authenticate</c> challenge. Default <c>gateway</c>.</summary>
    public string Realm { get; set; } = "gateway";

    /// <summary>JWT bearer tokens (RFC 6750): an OIDC authority or static keys. Null: bearer tokens are not accepted.</summary>
    public JwtOptions? Jwt { get; set; }

    /// <summary>API keys stored as SHA-256 hashes. Null: API keys are not accepted.</summary>
    public ApiKeysOptions? ApiKeys { get; set; }

    /// <summary>The headers that carry the caller's identity to the upstream.</summary>
    public IdentityHeadersOptions IdentityHeaders { get; set; } = new();
}
