using System.Buffers.Text;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Gateway.Auth.Jwt;
using Gateway.Auth.Options;
using Microsoft.IdentityModel.Tokens;

namespace Gateway.Tests.Gateway.Auth;

public sealed class SigningKeyReaderTests
{
    private static readonly string[] s_rs256 = ["RS256"];
    private static readonly string[] s_es256 = ["ES256"];

    [Fact]
    public void RsaSpkiPem_Read()
    {
        using var rsa = RSA.Create(2048);
        var key = Read(new() { Pem = rsa.ExportSubjectPublicKeyInfoPem() }, s_rs256, out var error);

        Assert.Null(error);
        Assert.Equal("k1", Assert.IsType<RsaSecurityKey>(key).KeyId);
    }

    [Fact]
    public void RsaPkcs1PublicPem_Read()
    {
        using var rsa = RSA.Create(2048);
        Assert.IsType<RsaSecurityKey>(Read(new() { Pem = rsa.ExportRSAPublicKeyPem() }, s_rs256, out _));
    }

    [Fact]
    public void EcSpkiPem_Read()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Assert.IsType<ECDsaSecurityKey>(Read(new() { Pem = ec.ExportSubjectPublicKeyInfoPem() }, s_es256, out _));
    }

    [Fact]
    public void CertificatePem_Read()
    {
        using var rsa = RSA.Create(2048);
        using var cert = new CertificateRequest("CN=issuer", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var key = Read(new() { Pem = cert.ExportCertificatePem() }, s_rs256, out var error);

        Assert.Null(error);
        Assert.Equal("k1", Assert.IsType<X509SecurityKey>(key).KeyId);
    }

    [Fact]
    public void PrivateKeyPem_Refused()
    {
        using var rsa = RSA.Create(2048);
        Assert.Null(Read(new() { Pem = rsa.ExportPkcs8PrivateKeyPem() }, s_rs256, out var error));
        Assert.Contains("only public keys belong here", error, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyThatCannotVerifyAnyAllowedAlgorithm_Refused()
    {
        using var rsa = RSA.Create(2048);
        Assert.Null(Read(new() { Pem = rsa.ExportSubjectPublicKeyInfoPem() }, s_es256, out var error));
        Assert.Contains("cannot verify any allowed algorithm (ES256)", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void PemAndJwk_ExactlyOne(bool pem, bool jwk)
    {
        var options = new JwtSigningKeyOptions { Pem = pem ? "x" : null, Jwk = jwk ? new() { ["kty"] = "RSA" } : null };
        Assert.Null(Read(options, s_rs256, out var error));
        Assert.Equal("set exactly one of Pem or Jwk", error);
    }

    [Fact]
    public void RsaJwk_Read()
    {
        using var rsa = RSA.Create(2048);
        var p = rsa.ExportParameters(false);
        var key = Read(new() { Jwk = new() { ["kty"] = "RSA", ["n"] = B64(p.Modulus!), ["e"] = B64(p.Exponent!) } }, s_rs256, out var error);

        Assert.Null(error);
        Assert.Equal("k1", Assert.IsType<JsonWebKey>(key).Kid);
    }

    [Fact]
    public void EcJwk_Read()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var q = ec.ExportParameters(false).Q;
        var key = Read(new() { Jwk = new() { ["kty"] = "EC", ["crv"] = "P-256", ["x"] = B64(q.X!), ["y"] = B64(q.Y!), ["kid"] = "k1" } }, s_es256, out var error);

        Assert.Null(error);
        Assert.NotNull(key);
    }

    [Theory]
    [InlineData("d", "private member 'd'")]
    [InlineData("kid", "differs from the entry's name")]
    [InlineData("no-n", "Jwk needs n and e")]
    [InlineData("kty", "Jwk needs a kty of RSA, EC or oct")]
    public void BadJwk_Refused(string flaw, string expected)
    {
        using var rsa = RSA.Create(2048);
        var p = rsa.ExportParameters(true);
        var jwk = new Dictionary<string, string> { ["kty"] = "RSA", ["n"] = B64(p.Modulus!), ["e"] = B64(p.Exponent!) };
        switch (flaw)
        {
            case "d": jwk["d"] = B64(p.D!); break;
            case "kid": jwk["kid"] = "other"; break;
            case "no-n": jwk.Remove("n"); break;
            case "kty": jwk["kty"] = "OKP"; break;
        }

        Assert.Null(Read(new() { Jwk = jwk }, s_rs256, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void ShortHmacSecret_Refused()
    {
        var jwk = new Dictionary<string, string> { ["kty"] = "oct", ["k"] = B64(new byte[16]) };
        Assert.Null(Read(new() { Jwk = jwk }, ["HS256"], out var error));
        Assert.Contains("cannot verify HS256", error, StringComparison.Ordinal);
    }

    [Fact]
    public void HmacSecretOf256Bits_Read()
    {
        var jwk = new Dictionary<string, string> { ["kty"] = "oct", ["k"] = B64(RandomNumberGenerator.GetBytes(32)) };
        Assert.NotNull(Read(new() { Jwk = jwk }, ["HS256"], out var error));
        Assert.Null(error);
    }

    // Malformed key material is a config error with a message, never an exception out of the reader (IDX10400 used to
    // crash validate and startup).
    [Theory]
    [InlineData("oct", "k", "a", "HS256", "Jwk member 'k' is not base64url")]
    [InlineData("oct", "k", "%%%", "HS256", "Jwk member 'k' is not base64url")]
    [InlineData("RSA", "n", "%%%", "RS256", "Jwk member 'n' is not base64url")]
    [InlineData("RSA", "e", "%%%", "RS256", "Jwk member 'e' is not base64url")]
    [InlineData("RSA", "n", "", "RS256", "Jwk member 'n' is not base64url")]
    [InlineData("RSA", "n", "AQAB", "RS256", "at least 2048 bits")]
    [InlineData("EC", "x", "%%%", "ES256", "Jwk member 'x' is not base64url")]
    [InlineData("EC", "y", "a", "ES256", "Jwk member 'y' is not base64url")]
    [InlineData("EC", "crv", "P-999", "ES256", "Jwk's crv 'P-999' is not P-256, P-384 or P-521")]
    [InlineData("EC", "x", "AQAB", "ES256", "")]
    [InlineData("EC", "x5c", "%%%", "ES256", "")]
    [InlineData("RSA", "x5c", "MIIB", "RS256", "")]
    public void MalformedJwk_RefusedWithAMessage(string kty, string member, string value, string algorithm, string expected)
    {
        using var rsa = RSA.Create(2048);
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var p = rsa.ExportParameters(false);
        var q = ec.ExportParameters(false).Q;
        var jwk = kty switch
        {
            "RSA" => new Dictionary<string, string> { ["kty"] = "RSA", ["n"] = B64(p.Modulus!), ["e"] = B64(p.Exponent!) },
            "EC" => new Dictionary<string, string> { ["kty"] = "EC", ["crv"] = "P-256", ["x"] = B64(q.X!), ["y"] = B64(q.Y!) },
            _ => new Dictionary<string, string> { ["kty"] = "oct", ["k"] = B64(RandomNumberGenerator.GetBytes(32)) },
        };
        jwk[member] = value;

        Assert.Null(Read(new() { Jwk = jwk }, [algorithm], out var error));
        Assert.False(string.IsNullOrEmpty(error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-----BEGIN PUBLIC KEY-----\n%%%%\n-----END PUBLIC KEY-----")]
    [InlineData("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----")]
    [InlineData("-----BEGIN RSA PUBLIC KEY-----\nAAAA\n-----END RSA PUBLIC KEY-----")]
    [InlineData("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----")]
    [InlineData("-----BEGIN CERTIFICATE-----\n\n-----END CERTIFICATE-----")]
    [InlineData("-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----")]
    public void MalformedPem_RefusedWithAMessage(string pem)
    {
        foreach (var algorithm in new[] { "RS256", "ES256", "HS256", "PS512" })
        {
            Assert.Null(Read(new() { Pem = pem }, [algorithm], out var error));
            Assert.False(string.IsNullOrEmpty(error));
        }
    }

    private static SecurityKey? Read(JwtSigningKeyOptions options, string[] algorithms, out string? error) =>
        SigningKeyReader.TryRead("k1", options, algorithms, out error);

    private static string B64(byte[] bytes) => Base64Url.EncodeToString(bytes);
}
