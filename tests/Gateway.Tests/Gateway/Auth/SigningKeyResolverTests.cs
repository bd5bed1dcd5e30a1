using System.Security.Cryptography;
using Gateway.Auth.Jwt;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gateway.Tests.Gateway.Auth;

public sealed class SigningKeyResolverTests : IDisposable
{
    private readonly RSA _rsa1 = RSA.Create(2048);
    private readonly RSA _rsa2 = RSA.Create(2048);

    [Theory]
    [InlineData("k1", "k1")]
    [InlineData("k2", "k2")]
    [InlineData("zz", "")] // unknown: key not found (a JWKS refresh), never every key
    [InlineData("K1", "")] // RFC 7515 §4.1.4: case-sensitive
    public void Kid_SelectsOnlyTheKeyItNames(string kid, string expected) =>
        Assert.Equal(expected, string.Join(',', Resolve(Token(kid: kid), kid)));

    [Fact]
    public void NoKid_EveryKey_ConfigurationFirst() =>
        Assert.Equal(["k2", "k1"], Resolve(Token(), null, configurationKey: "k2"));

    [Fact]
    public void X5tWithoutKid_EveryKey() =>
        Assert.Equal(["k1", "k2"], Resolve(Token(x5t: "dGh1bWI"), null));

    public void Dispose()
    {
        _rsa1.Dispose();
        _rsa2.Dispose();
    }

    private static JsonWebToken Token(string? kid = null, string? x5t = null)
    {
        var header = new Dictionary<string, string> { ["alg"] = "RS256" };
        if (kid is not null)
        {
            header["kid"] = kid;
        }

        if (x5t is not null)
        {
            header["x5t"] = x5t;
        }

        return new JsonWebToken(System.Text.Json.JsonSerializer.Serialize(header), "{}");
    }

    private string[] Resolve(JsonWebToken token, string? kid, string? configurationKey = null)
    {
        var parameters = new TokenValidationParameters
        {
            IssuerSigningKeys = configurationKey is null
                ? [new RsaSecurityKey(_rsa1) { KeyId = "k1" }, new RsaSecurityKey(_rsa2) { KeyId = "k2" }]
                : [new RsaSecurityKey(_rsa1) { KeyId = "k1" }],
        };
        var configuration = configurationKey is null ? null : new Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectConfiguration();
        configuration?.SigningKeys.Add(new RsaSecurityKey(_rsa2) { KeyId = configurationKey });
        return [.. SigningKeyResolver.Resolve(token.EncodedToken, token, kid, parameters, configuration).Select(k => k.KeyId)];
    }
}
