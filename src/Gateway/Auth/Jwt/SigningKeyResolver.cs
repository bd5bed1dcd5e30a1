using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gateway.Auth.Jwt;

/// <summary>
/// Picks the keys a token's signature is checked with. A token with a <c>kid</c> is checked with the key it names (by kid,
/// or a certificate by the token's <c>x5t</c>) only; one without, with every known key. IdentityModel's default also
/// tries every key when the named one is unknown, so a token naming a key the gateway never had passed if any other
/// key had signed it.
/// </summary>
internal static class SigningKeyResolver
{
    /// <summary>An <see cref="IssuerSigningKeyResolverUsingConfiguration"/>: the JWKS keys first, then static ones.</summary>
    public static IEnumerable<SecurityKey> Resolve(
        string token, SecurityToken securityToken, string? kid, TokenValidationParameters parameters, BaseConfiguration? configuration)
    {
        var x5t = (securityToken as JsonWebToken)?.X5t;
        var keys = (configuration?.SigningKeys ?? []).Concat(parameters.IssuerSigningKeys ?? []);
        if (string.IsNullOrEmpty(kid))
        {
            // An x5t alone (older AD FS) cannot be matched to a key configured as a bare public key: each key is tried.
            return keys;
        }

        // An empty answer is "key not found": with an authority, JwtBearer refreshes the JWKS (rotation).
        return keys.Where(key => Names(key, kid, x5t)).ToArray();
    }

    // RFC 7515 §4.1.4: a kid is case-sensitive; IdentityModel compares a certificate's kid ignoring case (thumbprints).
    private static bool Names(SecurityKey key, string kid, string? x5t) => key is X509SecurityKey certificate
        ? string.Equals(certificate.KeyId, kid, StringComparison.OrdinalIgnoreCase)
            || (!string.IsNullOrEmpty(x5t) && string.Equals(certificate.X5t, x5t, StringComparison.OrdinalIgnoreCase))
        : !string.IsNullOrEmpty(key.KeyId) && (string.Equals(key.KeyId, kid, StringComparison.Ordinal) || string.Equals(key.KeyId, x5t, StringComparison.Ordinal));
}
