using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Gateway.Auth.Options;
using Microsoft.IdentityModel.Tokens;

namespace Gateway.Auth.Jwt;

/// <summary>Reads a static signing key from PEM or JWK members and checks it can verify the allowed algorithms.</summary>
internal static class SigningKeyReader
{
    private static readonly string[] s_privateJwkMembers = ["d", "p", "q", "dp", "dq", "qi", "oth"];

    /// <summary>The key, or null with a message saying what is wrong.</summary>
    public static SecurityKey? TryRead(string keyId, JwtSigningKeyOptions options, IReadOnlyList<string> algorithms, out string? error)
    {
        error = null;
        SecurityKey? key;
        if (options.Pem is { Length: > 0 } == options.Jwk is { Count: > 0 })
        {
            error = "set exactly one of Pem or Jwk";
            return null;
        }

        try
        {
            key = options.Pem is { Length: > 0 } pem ? FromPem(keyId, pem, out error) : FromJwk(keyId, options.Jwk!, out error);

            // A JWK's members are decoded by IdentityModel only when used; the key built from them is what gets checked.
            var verifier = key is JsonWebKey jwk ? FromJwkMembers(jwk, out error) : key;
            if (key is null || verifier is null)
            {
                return null;
            }

            error = CheckAlgorithms(verifier, algorithms);
            return error is null ? key : null;
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException or FormatException or JsonException)
        {
            error = $"cannot be read: {ex.Message}";
            return null;
        }
    }

    private static SecurityKey? FromPem(string keyId, string pem, out string? error)
    {
        error = null;
        if (!PemEncoding.TryFind(pem, out var fields))
        {
            error = "Pem is not a PEM block";
            return null;
        }

        var label = pem.AsSpan()[fields.Label].ToString();
        switch (label)
        {
            case "CERTIFICATE":
                return new X509SecurityKey(X509Certificate2.CreateFromPem(pem), keyId);
            case "RSA PUBLIC KEY":
                var rsa = RSA.Create();
                rsa.ImportFromPem(pem);
                return new RsaSecurityKey(rsa) { KeyId = keyId };
            case "PUBLIC KEY":
                var der = Convert.FromBase64String(pem[fields.Base64Data]);
                var spki = RSA.Create();
                try
                {
                    spki.ImportSubjectPublicKeyInfo(der, out _);
                    return new RsaSecurityKey(spki) { KeyId = keyId };
                }
                catch (CryptographicException)
                {
                    spki.Dispose();
                }

                var ec = ECDsa.Create();
                ec.ImportSubjectPublicKeyInfo(der, out _);
                return new ECDsaSecurityKey(ec) { KeyId = keyId };
            default:
                error = $"Pem holds a '{label}'; only public keys belong here (PUBLIC KEY, RSA PUBLIC KEY or CERTIFICATE)";
                return null;
        }
    }

    private static JsonWebKey? FromJwk(string keyId, Dictionary<string, string> members, out string? error)
    {
        error = null;
        if (s_privateJwkMembers.FirstOrDefault(members.ContainsKey) is { } secret)
        {
            error = $"Jwk has the private member '{secret}'; only public keys belong here";
            return null;
        }

        var jwk = new JsonWebKey(JsonSerializer.Serialize(members));
        if (jwk.Kid is { Length: > 0 } kid && kid != keyId)
        {
            error = $"Jwk's kid '{kid}' differs from the entry's name '{keyId}'";
            return null;
        }

        jwk.Kid = keyId;
        var missing = jwk.Kty switch
        {
            JsonWebAlgorithmsKeyTypes.RSA => jwk.N is null || jwk.E is null ? "n and e" : null,
            JsonWebAlgorithmsKeyTypes.EllipticCurve => jwk.Crv is null || jwk.X is null || jwk.Y is null ? "crv, x and y" : null,
            JsonWebAlgorithmsKeyTypes.Octet => jwk.K is null ? "k" : null,
            _ => "a kty of RSA, EC or oct",
        };
        if (missing is not null)
        {
            error = $"Jwk needs {missing}";
            return null;
        }

        return jwk;
    }

    // RFC 7518 §6: n, e, x, y and k are base64url. A malformed one would otherwise surface as IDX10400 at the first
    // token, or as an unhandled exception while checking the config.
    private static SecurityKey? FromJwkMembers(JsonWebKey jwk, out string? error)
    {
        switch (jwk.Kty)
        {
            case JsonWebAlgorithmsKeyTypes.RSA:
                if (!TryDecode("n", jwk.N, out var modulus, out error) || !TryDecode("e", jwk.E, out var exponent, out error))
                {
                    return null;
                }

                var rsa = RSA.Create();
                rsa.ImportParameters(new RSAParameters { Modulus = modulus, Exponent = exponent });
                return new RsaSecurityKey(rsa);
            case JsonWebAlgorithmsKeyTypes.EllipticCurve:
                if (!TryDecode("x", jwk.X, out var x, out error) || !TryDecode("y", jwk.Y, out var y, out error))
                {
                    return null;
                }

                if (CurveNamed(jwk.Crv) is not { } curve)
                {
                    error = $"Jwk's crv '{jwk.Crv}' is not P-256, P-384 or P-521";
                    return null;
                }

                // Importing checks the point lies on the curve.
                return new ECDsaSecurityKey(ECDsa.Create(new ECParameters { Curve = curve, Q = new ECPoint { X = x, Y = y } }));
            default:
                return TryDecode("k", jwk.K, out var secret, out error) ? new SymmetricSecurityKey(secret) : null;
        }
    }

    private static bool TryDecode(string member, string value, out byte[] bytes, out string? error)
    {
        bytes = [];
        error = null;
        if (value.Length == 0 || !Base64Url.IsValid(value, out _))
        {
            error = $"Jwk member '{member}' is not base64url (RFC 7518 §6)";
            return false;
        }

        bytes = Base64Url.DecodeFromChars(value);
        return true;
    }

    private static ECCurve? CurveNamed(string crv) => crv switch
    {
        "P-256" => ECCurve.NamedCurves.nistP256,
        "P-384" => ECCurve.NamedCurves.nistP384,
        "P-521" => ECCurve.NamedCurves.nistP521,
        _ => null,
    };

    // Each allowed algorithm the key's type supports must actually build a verifier (key size, curve, HMAC length).
    private static string? CheckAlgorithms(SecurityKey key, IReadOnlyList<string> algorithms)
    {
        var factory = CryptoProviderFactory.Default;
        var usable = 0;
        foreach (var algorithm in algorithms)
        {
            if (!factory.IsSupportedAlgorithm(algorithm, key))
            {
                continue;
            }

            // RFC 7518 §3.3 and §3.5: RSA keys of 2048 bits or more (IdentityModel does not check when verifying).
            if (algorithm[0] is 'R' or 'P' && key.KeySize < 2048)
            {
                return $"cannot verify {algorithm}: the RSA key must have at least 2048 bits (RFC 7518 §3.3)";
            }

            // RFC 7518 §3.2: an HMAC key at least as long as the hash output.
            var hmacBits = algorithm.StartsWith("HS", StringComparison.Ordinal) ? int.Parse(algorithm.AsSpan(2), CultureInfo.InvariantCulture) : 0;
            if (key.KeySize < hmacBits)
            {
                return $"cannot verify {algorithm}: the secret must have at least {hmacBits} bits (RFC 7518 §3.2)";
            }

            try
            {
                var provider = factory.CreateForVerifying(key, algorithm);
                factory.ReleaseSignatureProvider(provider);
                usable++;
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException or CryptographicException or InvalidOperationException)
            {
                return $"cannot verify {algorithm}: {ex.Message}";
            }
        }

        return usable == 0 ? $"the key cannot verify any allowed algorithm ({string.Join(", ", algorithms)})" : null;
    }
}
