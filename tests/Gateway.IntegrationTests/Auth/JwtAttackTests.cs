using System.Security.Cryptography;
using System.Text;
using Gateway.IntegrationTests.Infrastructure;

namespace Gateway.IntegrationTests.Auth;

/// <summary>
/// The JWT attack catalogue against static keys (RS256 as PEM, ES256 as JWK). Every refusal is a 401 with an RFC 6750
/// challenge (or 400 for a malformed request), the EdFi payload rules, and no request at the upstream.
/// </summary>
public sealed class JwtAttackTests(AuthGatewayFixture fixture) : IClassFixture<AuthGatewayFixture>
{
    private readonly FakeLegacyUpstream _upstream = fixture.Upstream;

    [Fact]
    public async Task ValidRs256Token_Passes_WithIdentityHeadersAndWithoutAuthorization()
    {
        var marker = AuthGatewayFixture.Marker();
        using var response = await fixture.GetAsync($"/api/{marker}", Jws.Sign(fixture.Rsa, Jws.Claims("students:read extra")));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
        var seen = AuthAssert.Forwarded(_upstream, marker);
        Assert.Equal("user-1", seen.Headers["X-Subject"]);
        Assert.Equal("client-app", seen.Headers["X-Client-Id"]);
        Assert.Equal("students:read extra", seen.Headers["X-Scopes"]);
        Assert.False(seen.Headers.ContainsKey("Authorization")); // consumed by the gateway on a protected route
    }

    [Fact]
    public async Task ValidEs256Token_FromJwkKey_Passes()
    {
        var marker = AuthGatewayFixture.Marker();
        using var response = await fixture.GetAsync($"/api/{marker}", Jws.Sign(fixture.Ec, Jws.Claims()));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("user-1", AuthAssert.Forwarded(_upstream, marker).Headers["X-Subject"]);
    }

    [Theory]
    [InlineData("none", false)]
    [InlineData("None", false)]
    [InlineData("NONE", false)]
    [InlineData("nOnE", false)]
    [InlineData("none", true)]
    [InlineData("NoNe", true)]
    public async Task AlgNone_AnyCase_WithOrWithoutSignature_Refused(string alg, bool withSignature)
    {
        var header = Jws.Header(alg, fixture.Rsa.Kid);
        var token = Jws.Create(header, Jws.Claims("students:write"), withSignature ? fixture.Rsa.Sign : null);
        await AssertRefusedAsync(token);
    }

    [Theory]
    [InlineData("pem")]
    [InlineData("der")]
    public async Task Rs256ToHs256Confusion_PublicKeyAsHmacSecret_Refused(string secretForm)
    {
        var secret = secretForm == "pem" ? Encoding.ASCII.GetBytes(fixture.Rsa.PublicPem) : fixture.Rsa.PublicDer;
        var token = Jws.Hs256(secret, Jws.Header("HS256", fixture.Rsa.Kid), Jws.Claims("students:write"));
        await AssertRefusedAsync(token);
    }

    [Fact]
    public async Task CritHeader_NamingAnUnknownExtension_Refused()
    {
        // Signed by the trusted key; RFC 7515 §4.1.11 still says refuse it.
        var header = Jws.Header(fixture.Rsa.Algorithm, fixture.Rsa.Kid);
        header["crit"] = new[] { "exp-policy" };
        header["exp-policy"] = "strict";
        await AssertRefusedAsync(Jws.Create(header, Jws.Claims(), fixture.Rsa.Sign));
    }

    [Fact]
    public async Task UnknownKid_SignedByUnknownKey_Refused() =>
        await AssertRefusedAsync(Jws.Sign(fixture.Attacker, Jws.Claims()));

    [Theory]
    [InlineData("rsa-1")] // a real kid, with the attacker's signature
    [InlineData("../../../../../../dev/null")]
    [InlineData("' OR '1'='1")]
    [InlineData("rsa-1\u0000attacker")]
    [InlineData("http://127.0.0.1:1/keys")]
    public async Task InjectedKid_Refused(string kid)
    {
        var token = Jws.Create(Jws.Header("RS256", kid), Jws.Claims(), fixture.Attacker.Sign);
        await AssertRefusedAsync(token);
    }

    // Signed by the trusted key, but naming a key the gateway does not have: a kid selects, it is not a hint.
    [Theory]
    [InlineData("rsa-2")]
    [InlineData("RSA-1")] // RFC 7515 §4.1.4: case-sensitive
    [InlineData("ec-1")] // a known key of another type
    public async Task TrustedSignature_UnderAnUnknownKid_Refused(string kid) =>
        await AssertRefusedAsync(Jws.Create(Jws.Header("RS256", kid), Jws.Claims(), fixture.Rsa.Sign));

    [Fact]
    public async Task NoKid_WithSeveralKeys_EachKeyTried_Passes()
    {
        foreach (var key in new[] { fixture.Rsa, fixture.Ec })
        {
            var marker = AuthGatewayFixture.Marker();
            using var response = await fixture.GetAsync($"/api/{marker}", Jws.Create(Jws.Header(key.Algorithm, null), Jws.Claims(), key.Sign));

            Assert.Equal(200, (int)response.StatusCode);
            AuthAssert.Forwarded(_upstream, marker);
        }
    }

    [Fact]
    public async Task VeryLongKid_Refused() =>
        await AssertRefusedAsync(Jws.Create(Jws.Header("RS256", new string('k', 2000)), Jws.Claims(), fixture.Attacker.Sign));

    [Fact]
    public async Task EmbeddedJwkJkuX5u_Ignored_NoKeyFetched()
    {
        await using var keyServer = await FakeIdentityProvider.StartAsync(fixture.Attacker);
        var header = Jws.Header("RS256", fixture.Attacker.Kid);
        header["jwk"] = fixture.Attacker.PublicJwk();
        header["jku"] = keyServer.Address + "/jwks";
        header["x5u"] = keyServer.Address + "/cert.pem";

        await AssertRefusedAsync(Jws.Create(header, Jws.Claims(), fixture.Attacker.Sign));
        Assert.Equal(0, keyServer.JwksFetches + keyServer.OtherFetches + keyServer.DiscoveryFetches);
    }

    [Fact]
    public async Task Es256ZeroSignature_Refused()
    {
        var token = Jws.Create(Jws.Header("ES256", fixture.Ec.Kid), Jws.Claims(), _ => new byte[64]);
        await AssertRefusedAsync(token);
    }

    [Theory]
    [InlineData(-29, true)]
    [InlineData(-31, false)]
    public async Task Expiry_AtSkewBoundary(int expiresInSeconds, bool accepted)
    {
        var claims = Jws.Claims();
        claims["exp"] = DateTimeOffset.UtcNow.AddSeconds(expiresInSeconds).ToUnixTimeSeconds();
        claims["nbf"] = DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeSeconds();
        await AssertBoundaryAsync(Jws.Sign(fixture.Rsa, claims), accepted, "The access token expired");
    }

    [Theory]
    [InlineData(29, true)]
    [InlineData(31, false)]
    public async Task NotBefore_AtSkewBoundary(int validInSeconds, bool accepted)
    {
        var claims = Jws.Claims();
        claims["nbf"] = DateTimeOffset.UtcNow.AddSeconds(validInSeconds).ToUnixTimeSeconds();
        await AssertBoundaryAsync(Jws.Sign(fixture.Rsa, claims), accepted, "The access token is not valid yet");
    }

    [Theory]
    [InlineData("iss", "https://evil.test")]
    [InlineData("aud", "another-api")]
    public async Task WrongIssuerOrAudience_Refused(string claim, string value)
    {
        var claims = Jws.Claims();
        claims[claim] = value;
        await AssertRefusedAsync(Jws.Sign(fixture.Rsa, claims));
    }

    [Fact]
    public async Task NoExpiry_Refused()
    {
        var claims = Jws.Claims();
        claims.Remove("exp");
        await AssertRefusedAsync(Jws.Sign(fixture.Rsa, claims));
    }

    [Fact]
    public async Task TamperedPayload_Refused()
    {
        var parts = Jws.Sign(fixture.Rsa, Jws.Claims("students:read")).Split('.');
        var forged = Jws.Claims("students:read students:write admin");
        var tampered = $"{parts[0]}.{Jws.B64(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(forged))}.{parts[2]}";
        await AssertRefusedAsync(tampered);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("a.b.c")]
    [InlineData("..")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9..")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0")]
    [InlineData("%%%.%%%.%%%")]
    public async Task MalformedToken_Refused(string token) => await AssertRefusedAsync(token);

    [Fact]
    public async Task OversizedToken_Refused()
    {
        var claims = Jws.Claims();
        claims["padding"] = new string('x', 20_000);
        await AssertRefusedAsync(Jws.Sign(fixture.Rsa, claims));
    }

    [Fact]
    public async Task HmacTokenWithGuessedSecret_Refused() =>
        await AssertRefusedAsync(Jws.Hs256(Encoding.UTF8.GetBytes("secret-secret-secret-secret-1234"), Jws.Header("HS256", null), Jws.Claims()));

    [Fact]
    public async Task MissingBearerPrefix_IsNoCredential_PlainChallenge()
    {
        var marker = AuthGatewayFixture.Marker();
        var token = Jws.Sign(fixture.Rsa, Jws.Claims());
        using var response = await fixture.GetAsync($"/api/{marker}", configure: r => r.Headers.TryAddWithoutValidation("Authorization", token));

        var challenges = await AuthAssert.EdFi401Async(response, error: null);
        Assert.Contains("Bearer realm=\"gateway\"", challenges);
        Assert.Contains("ApiKey realm=\"gateway\", header=\"X-API-Key\"", challenges);
        AuthAssert.NotForwarded(_upstream, marker);
    }

    [Fact]
    public async Task LowercaseBearerScheme_Accepted_SchemeIsCaseInsensitive()
    {
        // RFC 9110 §11.1: the authentication scheme is a case-insensitive token.
        var marker = AuthGatewayFixture.Marker();
        var token = Jws.Sign(fixture.Rsa, Jws.Claims());
        using var response = await fixture.GetAsync($"/api/{marker}", configure: r => r.Headers.TryAddWithoutValidation("Authorization", "bearer " + token));

        Assert.Equal(200, (int)response.StatusCode);
        AuthAssert.Forwarded(_upstream, marker);
    }

    [Fact]
    public async Task TwoAuthorizationHeaderLines_InvalidRequest400()
    {
        var marker = AuthGatewayFixture.Marker();
        var token = Jws.Sign(fixture.Rsa, Jws.Claims());
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var (status, head) = await RawHttp.SendAsync(fixture.Gateway.Address, $"""
            GET /api/{marker} HTTP/1.1
            Host: gateway
            Authorization: Bearer {token}
            Authorization: Bearer {token}
            """, cts.Token);

        Assert.Equal(400, status);
        Assert.Contains("error=\"invalid_request\"", head, StringComparison.Ordinal);
        AuthAssert.NotForwarded(_upstream, marker);
    }

    [Fact]
    public async Task TwoAuthorizationValuesFoldedIntoOneLine_InvalidRequest400()
    {
        var marker = AuthGatewayFixture.Marker();
        var token = Jws.Sign(fixture.Rsa, Jws.Claims());
        using var response = await fixture.GetAsync($"/api/{marker}", configure: r => r.Headers.TryAddWithoutValidation("Authorization", $"Bearer {token}, Bearer {token}"));

        var json = await Payload.ReadEdFiAsync(response, 400);
        Assert.Equal("The Authorization header is malformed", json.GetProperty("message").GetString());
        Assert.Contains("error=\"invalid_request\"", Assert.Single(AuthAssert.Challenges(response), c => c.StartsWith("Bearer", StringComparison.Ordinal)), StringComparison.Ordinal);
        AuthAssert.NotForwarded(_upstream, marker);
    }

    [Fact]
    public async Task SpoofedIdentityHeaders_ReplacedByTheTokensValues()
    {
        var marker = AuthGatewayFixture.Marker();
        using var response = await fixture.GetAsync($"/api/{marker}", Jws.Sign(fixture.Rsa, Jws.Claims("students:read")), configure: r =>
        {
            r.Headers.Add("X-Subject", "admin");
            r.Headers.Add("X-Client-Id", "trusted-batch-job");
            r.Headers.Add("X-Scopes", "students:write admin");
        });

        Assert.Equal(200, (int)response.StatusCode);
        var seen = AuthAssert.Forwarded(_upstream, marker);
        Assert.Equal("user-1", seen.Headers["X-Subject"]);
        Assert.Equal("client-app", seen.Headers["X-Client-Id"]);
        Assert.Equal("students:read", seen.Headers["X-Scopes"]);
    }

    [Fact]
    public async Task SpoofedIdentityHeaders_WithoutCredentials_OnAnonymousRoute_Removed()
    {
        var marker = AuthGatewayFixture.Marker();
        using var response = await fixture.GetAsync($"/open/{marker}", configure: r =>
        {
            r.Headers.Add("X-Subject", "admin");
            r.Headers.Add("X-Client-Id", "trusted-batch-job");
            r.Headers.Add("X-Scopes", "students:write");
        });

        Assert.Equal(200, (int)response.StatusCode);
        var seen = AuthAssert.Forwarded(_upstream, marker);
        Assert.False(seen.Headers.ContainsKey("X-Subject"));
        Assert.False(seen.Headers.ContainsKey("X-Client-Id"));
        Assert.False(seen.Headers.ContainsKey("X-Scopes"));
    }

    [Fact]
    public async Task ProblemDetailsRoute_Expired_401WithPayloadAndChallenge()
    {
        var marker = AuthGatewayFixture.Marker();
        var claims = Jws.Claims("students:write");
        claims["exp"] = DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds();
        claims["nbf"] = DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeSeconds();
        using var response = await fixture.GetAsync($"/v2/{marker}", Jws.Sign(fixture.Rsa, claims));

        var json = await Payload.ReadProblemAsync(response, 401);
        Assert.Equal("The access token expired", json.GetProperty("detail").GetString());
        var bearer = Assert.Single(AuthAssert.Challenges(response), c => c.StartsWith("Bearer", StringComparison.Ordinal));
        Assert.Equal("Bearer realm=\"gateway\", error=\"invalid_token\", error_description=\"The access token expired\"", bearer);
        AuthAssert.NotForwarded(_upstream, marker);
    }

    [Fact]
    public async Task RefusedTokens_NeverLogged()
    {
        var token = Jws.Sign(fixture.Attacker, Jws.Claims());
        using var response = await fixture.GetAsync($"/api/{AuthGatewayFixture.Marker()}", token);

        Assert.Equal(401, (int)response.StatusCode);
        var signature = token.Split('.')[2];
        Assert.DoesNotContain(fixture.Gateway.Logs.Lines, l => l.Message.Contains(signature, StringComparison.Ordinal) || l.Message.Contains(token[..40], StringComparison.Ordinal));
        Assert.Contains(fixture.Gateway.Logs.Lines, l => l.EventName == "CredentialRejected");
    }

    private async Task AssertRefusedAsync(string token)
    {
        var marker = AuthGatewayFixture.Marker();
        using var response = await fixture.GetAsync($"/api/{marker}", configure: r => r.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token));

        var challenges = await AuthAssert.EdFi401Async(response, error: "invalid_token");
        Assert.Contains(challenges, c => c.StartsWith("Bearer realm=\"gateway\", error=\"invalid_token\", error_description=\"The access token", StringComparison.Ordinal));
        AuthAssert.NotForwarded(_upstream, marker);
    }

    private async Task AssertBoundaryAsync(string token, bool accepted, string description)
    {
        var marker = AuthGatewayFixture.Marker();
        using var response = await fixture.GetAsync($"/api/{marker}", token);
        if (accepted)
        {
            Assert.Equal(200, (int)response.StatusCode);
            AuthAssert.Forwarded(_upstream, marker);
            return;
        }

        var challenges = await AuthAssert.EdFi401Async(response, error: "invalid_token");
        Assert.Contains(challenges, c => c.Contains($"error_description=\"{description}\"", StringComparison.Ordinal));
        AuthAssert.NotForwarded(_upstream, marker);
    }
}
