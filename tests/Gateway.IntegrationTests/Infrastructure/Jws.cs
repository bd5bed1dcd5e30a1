using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Gateway.IntegrationTests.Infrastructure;

/// <summary>Builds compact JWS by hand, so tests control every header field and byte (attacks included).</summary>
public static class Jws
{
    public const string Issuer = "https://issuer.test";
    public const string Audience = "gateway-api";

    public static string Create(IReadOnlyDictionary<string, object?> header, IReadOnlyDictionary<string, object?> payload, Func<byte[], byte[]>? sign)
    {
        var signingInput = $"{B64(JsonSerializer.SerializeToUtf8Bytes(header))}.{B64(JsonSerializer.SerializeToUtf8Bytes(payload))}";
        var signature = sign is null ? "" : B64(sign(Encoding.ASCII.GetBytes(signingInput)));
        return $"{signingInput}.{signature}";
    }

    /// <summary>A token signed by <paramref name="key"/> with its kid and algorithm.</summary>
    public static string Sign(TestKey key, IReadOnlyDictionary<string, object?> payload) =>
        Create(Header(key.Algorithm, key.Kid), payload, key.Sign);

    public static Dictionary<string, object?> Header(string alg, string? kid)
    {
        var header = new Dictionary<string, object?> { ["alg"] = alg, ["typ"] = "JWT" };
        if (kid is not null)
        {
            header["kid"] = kid;
        }

        return header;
    }

    /// <summary>Claims that pass every check: issuer, audience, a 5-minute lifetime, a subject, a client and scopes.</summary>
    public static Dictionary<string, object?> Claims(string scope = "students:read", string subject = "user-1", string issuer = Issuer)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return new()
        {
            ["iss"] = issuer,
            ["aud"] = Audience,
            ["sub"] = subject,
            ["azp"] = "client-app",
            ["scope"] = scope,
            ["iat"] = now,
            ["nbf"] = now - 5,
            ["exp"] = now + 300,
        };
    }

    public static string Hs256(byte[] secret, IReadOnlyDictionary<string, object?> header, IReadOnlyDictionary<string, object?> payload) =>
        Create(header, payload, input => HMACSHA256.HashData(secret, input));

    public static string B64(byte[] bytes) => Base64Url.EncodeToString(bytes);

    public static string B64(string text) => B64(Encoding.UTF8.GetBytes(text));
}
