using System.Buffers.Text;
using System.Security.Cryptography;

namespace Gateway.IntegrationTests.Infrastructure;

/// <summary>A signing key pair for tests: signs JWS input and exports its public half as PEM or JWK members.</summary>
public sealed class TestKey : IDisposable
{
    private readonly RSA? _rsa;
    private readonly ECDsa? _ec;

    private TestKey(string kid, RSA? rsa, ECDsa? ec)
    {
        Kid = kid;
        _rsa = rsa;
        _ec = ec;
    }

    public string Kid { get; }

    public string Algorithm => _rsa is not null ? "RS256" : "ES256";

    public static TestKey Rsa(string kid) => new(kid, RSA.Create(2048), null);

    public static TestKey EcP256(string kid) => new(kid, null, ECDsa.Create(ECCurve.NamedCurves.nistP256));

    public string PublicPem => _rsa?.ExportSubjectPublicKeyInfoPem() ?? _ec!.ExportSubjectPublicKeyInfoPem();

    public byte[] PublicDer => _rsa?.ExportSubjectPublicKeyInfo() ?? _ec!.ExportSubjectPublicKeyInfo();

    /// <summary>The public JWK members (with kid, use and alg).</summary>
    public Dictionary<string, string> PublicJwk()
    {
        if (_rsa is not null)
        {
            var p = _rsa.ExportParameters(false);
            return new() { ["kty"] = "RSA", ["kid"] = Kid, ["use"] = "sig", ["alg"] = "RS256", ["n"] = B64(p.Modulus!), ["e"] = B64(p.Exponent!) };
        }

        var q = _ec!.ExportParameters(false).Q;
        return new() { ["kty"] = "EC", ["kid"] = Kid, ["use"] = "sig", ["alg"] = "ES256", ["crv"] = "P-256", ["x"] = B64(q.X!), ["y"] = B64(q.Y!) };
    }

    /// <summary>RS256 (PKCS#1 v1.5) or ES256 (IEEE P1363 r||s, as JWS wants).</summary>
    public byte[] Sign(byte[] input) =>
        _rsa?.SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1) ?? _ec!.SignData(input, HashAlgorithmName.SHA256);

    public void Dispose()
    {
        _rsa?.Dispose();
        _ec?.Dispose();
    }

    private static string B64(byte[] bytes) => Base64Url.EncodeToString(bytes);
}
