using Gateway.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests.Auth;

/// <summary>JWT from a real loopback OIDC issuer: discovery and JWKS cached, key rotation, rate-limited refresh.</summary>
public sealed class OidcKeyRotationTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TestKey _k1 = TestKey.Rsa("k1");
    private readonly TestKey _k2 = TestKey.EcP256("k2");
    private readonly TestKey _attacker = TestKey.Rsa("attacker");
    private FakeIdentityProvider _idp = null!;
    private FakeLegacyUpstream _upstream = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        _idp = await FakeIdentityProvider.StartAsync(_k1);
        _upstream = await FakeLegacyUpstream.StartAsync(app => app.Run(c => c.Response.WriteAsync("ok")));
        _gateway = await GatewayHost.StartAsync(AuthConfigs.Text(AuthConfigs.Oidc(_idp.Address)), _upstream.Address, output);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
        await _idp.DisposeAsync();
        _k1.Dispose();
        _k2.Dispose();
        _attacker.Dispose();
    }

    [Fact]
    public async Task ValidToken_Passes_DiscoveryAndJwksFetchedOnceForManyRequests()
    {
        for (var i = 0; i < 5; i++)
        {
            using var response = await GetAsync(Token(_k1));
            Assert.Equal(200, (int)response.StatusCode);
        }

        Assert.Equal(1, _idp.DiscoveryFetches);
        Assert.Equal(1, _idp.JwksFetches);
    }

    [Fact]
    public async Task TokenFromAnotherIssuer_Refused()
    {
        using var response = await GetAsync(Jws.Sign(_k1, Jws.Claims(issuer: "https://elsewhere.test")));

        await AuthAssert.EdFi401Async(response, "invalid_token");
    }

    [Fact]
    public async Task Rotation_NewKidTriggersOneRefresh_NewKeyAccepted_RemovedKeyRefusedEvenIfCached()
    {
        var oldToken = Token(_k1);
        using (var first = await GetAsync(oldToken))
        {
            Assert.Equal(200, (int)first.StatusCode); // validated and cached
        }

        _idp.SetKeys(_k2);
        var newToken = Token(_k2);
        await EventuallyStatusAsync(newToken, 200);
        Assert.Equal(2, _idp.JwksFetches);

        // The cache held oldToken; the key set changed, so it is checked again and k1 is gone.
        using var stale = await GetAsync(oldToken);
        await AuthAssert.EdFi401Async(stale, "invalid_token");
        using var again = await GetAsync(newToken);
        Assert.Equal(200, (int)again.StatusCode);
        Assert.Equal(2, _idp.JwksFetches);
    }

    [Fact]
    public async Task UnknownKidFlood_AtMostOneRefresh()
    {
        using (var warm = await GetAsync(Token(_k1)))
        {
            Assert.Equal(200, (int)warm.StatusCode);
        }

        var tasks = Enumerable.Range(0, 30).Select(async i =>
        {
            var token = Jws.Create(Jws.Header("RS256", $"unknown-{i}"), Jws.Claims(), _attacker.Sign);
            using var response = await GetAsync(token);
            return (int)response.StatusCode;
        });
        var statuses = await Task.WhenAll(tasks);

        Assert.All(statuses, s => Assert.Equal(401, s));
        // Still within the refresh interval: more unknown kids fetch nothing more.
        for (var i = 0; i < 5; i++)
        {
            using var response = await GetAsync(Jws.Create(Jws.Header("RS256", $"again-{i}"), Jws.Claims(), _attacker.Sign));
            Assert.Equal(401, (int)response.StatusCode);
        }

        // The one refresh may run in the background and land late, so count once at the end: the warm-up fetch plus
        // at most one refresh for all 35 unknown kids.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.InRange(_idp.JwksFetches, 1, 2);
    }

    [Fact]
    public async Task IssuerUnreachable_BeforeFirstFetch_AnswersServerError_NotInvalidToken()
    {
        _idp.Down = true;

        using var response = await GetAsync(Token(_k1));

        // EdFi has no 503: the nearest allowed status is 500, with the payload; no challenge, the token is not at fault.
        var json = await Payload.ReadEdFiAsync(response, 500);
        Assert.Equal("Credentials cannot be verified right now. Try again later.", json.GetProperty("message").GetString());
        Assert.Empty(response.Headers.WwwAuthenticate);
        Assert.Empty(_upstream.Requests);
        Assert.Contains(_gateway.Logs.Lines, l => l.EventName == "KeysUnavailable");

        _idp.Down = false;
        await EventuallyStatusAsync(Token(_k1), 200);
    }

    private string Token(TestKey key) => Jws.Sign(key, Jws.Claims(issuer: _idp.Address));

    private async Task<HttpResponseMessage> GetAsync(string token)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/x");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        return await _gateway.Client.SendAsync(request, cts.Token);
    }

    private async Task EventuallyStatusAsync(string token, int status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            using var response = await GetAsync(token);
            if ((int)response.StatusCode == status)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"still {(int)response.StatusCode}, expected {status}");
            await Task.Delay(100);
        }
    }
}
