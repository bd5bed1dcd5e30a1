namespace Gateway.Auth.Options;

/// <summary>One static signing key: either <see cref="Pem"/> or <see cref="Jwk"/>. Public keys only.</summary>
public sealed class JwtSigningKeyOptions
{
    /// <summary>A PEM <c>PUBLIC KEY</c>, <c>RSA PUBLIC KEY</c> or <c>CERTIFICATE</c> block (RSA or EC).</summary>
    public string? Pem { get; set; }

    /// <summary>A JWK's members (<c>kty</c>, <c>n</c>, <c>e</c>, <c>crv</c>, <c>x</c>, <c>y</c>, or <c>k</c> for HMAC).</summary>
    public Dictionary<string, string>? Jwk { get; set; }
}
