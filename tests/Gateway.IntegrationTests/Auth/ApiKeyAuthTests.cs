using Gateway.IntegrationTests.Infrastructure;

namespace Gateway.IntegrationTests.Auth;

/// <summary>API keys: header only by default, SHA-256 hashes in config, identity headers upstream, never logged.</summary>
public sealed class ApiKeyAuthTests(AuthGatewayFixture fixture) : IClassFixture<AuthGatewayFixture>
{
    private readonly FakeLegacyUpstream _upstream = fixture.Upstream;

    [Fact]
    public async Task ValidKey_Passes_UpstreamGetsIdentityButNotTheKey()
    {
        var marker = AuthGatewayFixture.Marker();
        using var response = await fixture.GetAsync($"/read/{marker}", apiKey: AuthConfigs.WriterKey);

        Assert.Equal(200, (int)response.StatusCode);
        var seen = AuthAssert.Forwarded(_upstream, marker);
        Assert.Equal("writer-app", seen.Headers["X-Client-Id"]);
        Assert.Equal("writer-app", seen.Headers["X-Subject"]);
        Assert.Equal("students:read students:write", seen.Headers["X-Scopes"]);
        Assert.False(seen.Headers.ContainsKey("X-API-Key"));
    }

    [Fact]
    public async Task KeyWithoutClientId_UsesEntryName()
    {
        var marker = AuthGatewayFixture.Marker();
        using var response = await fixture.GetAsync($"/read/{marker}", apiKey: AuthConfigs.ReaderKey);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("reader", AuthAssert.Forwarded(_upstream, marker).Headers["X-Client-Id"]);
    }

    [Theory]
    [InlineData("unknown-key")]
    [InlineData("")]
    public async Task UnknownKey_401WithApiKeyChallenge(string key)
    {
        var marker = AuthGatewayFixture.Marker();
        using var response = await fixture.GetAsync($"/read/{marker}", configure: r => r.Headers.TryAddWithoutValidation("X-API-Key", key));

        var challenges = await AuthAssert.EdFi401Async(response, error: null);
        Assert.Contains("ApiKey realm=\"gateway\", header=\"X-API-Key\", error=\"invalid_token\", error_description=\"The API key is not valid\"", challenges);
        AuthAssert.NotForwarded(_upstream, marker);
    }

    [Fact]
    public async Task WrongKeyOfTheRightLength_401()
    {
        var key = AuthConfigs.ReaderKey;
        var wrong = key[..^1] + (key[^1] == 'x' ? 'y' : 'x');
        Assert.Equal(key.Length, wrong.Length);
        var marker = AuthGatewayFixture.Marker();
        using var response = await fixture.GetAsync($"/read/{marker}", apiKey: wrong);

        Assert.Equal(401, (int)response.StatusCode);
        AuthAssert.NotForwarded(_upstream, marker);
    }

    [Theory]
    [InlineData(AuthConfigs.ReaderKey)]
    [InlineData("not-a-key")]
    public async Task KeyInQueryString_Refused400_EvenAValidOne(string key)
    {
        var marker = AuthGatewayFixture.Marker();
        using var response = await fixture.GetAsync($"/read/{marker}?api_key={Uri.EscapeDataString(key)}");

        var json = await Payload.ReadEdFiAsync(response, 400);
        Assert.Equal("API keys are not accepted in the query string; send the X-API-Key header", json.GetProperty("message").GetString());
        Assert.Contains(AuthAssert.Challenges(response), c => c.StartsWith("ApiKey", StringComparison.Ordinal) && c.Contains("error=\"invalid_request\"", StringComparison.Ordinal));
        AuthAssert.NotForwarded(_upstream, marker);
    }

    [Fact]
    public async Task KeyInQueryString_OnAnonymousRoute_NotForwarded()
    {
        // The refusal does not block an anonymous route, so the key must not reach the upstream's access log.
        var marker = AuthGatewayFixture.Marker();
        using var response = await fixture.GetAsync($"/open/{marker}?page=2&api_key={AuthConfigs.ReaderKey}");

        Assert.Equal(200, (int)response.StatusCode);
        var seen = AuthAssert.Forwarded(_upstream, marker);
        Assert.DoesNotContain(AuthConfigs.ReaderKey, seen.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains("page=2", seen.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryWithoutKey_ForwardedAsSent()
    {
        // Removing the key rebuilds (re-encodes) the query: a query without one must not be touched.
        var marker = AuthGatewayFixture.Marker();
        using var response = await fixture.GetAsync($"/open/{marker}?q=%22a%22%2C%20b&x=1+2");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.EndsWith("?q=%22a%22%2C%20b&x=1+2", AuthAssert.Forwarded(_upstream, marker).PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoKeyHeaderLines_400()
    {
        var marker = AuthGatewayFixture.Marker();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var (status, head) = await RawHttp.SendAsync(fixture.Gateway.Address, $"""
            GET /read/{marker} HTTP/1.1
            Host: gateway
            X-API-Key: {AuthConfigs.ReaderKey}
            X-API-Key: {AuthConfigs.WriterKey}
            """, cts.Token);

        Assert.Equal(400, status);
        Assert.Contains("error=\"invalid_request\"", head, StringComparison.Ordinal);
        AuthAssert.NotForwarded(_upstream, marker);
    }

    [Fact]
    public async Task KeyAndBearerTogether_400()
    {
        var marker = AuthGatewayFixture.Marker();
        using var response = await fixture.GetAsync($"/read/{marker}", Jws.Sign(fixture.Rsa, Jws.Claims()), AuthConfigs.ReaderKey);

        var json = await Payload.ReadEdFiAsync(response, 400);
        Assert.Equal("Send one credential per request", json.GetProperty("message").GetString());
        AuthAssert.NotForwarded(_upstream, marker);
    }

    [Fact]
    public async Task Keys_NeverAppearInTheLog()
    {
        using (await fixture.GetAsync($"/read/{AuthGatewayFixture.Marker()}", apiKey: AuthConfigs.ReaderKey))
        using (await fixture.GetAsync($"/read/{AuthGatewayFixture.Marker()}", apiKey: AuthConfigs.ReaderKey + "x"))
        using (await fixture.GetAsync($"/read/{AuthGatewayFixture.Marker()}?api_key={AuthConfigs.WriterKey}"))
        {
        }

        Assert.Contains(fixture.Gateway.Logs.Lines, l => l.EventName == "CredentialRejected");
        Assert.DoesNotContain(fixture.Gateway.Logs.Lines, l =>
            l.Message.Contains(AuthConfigs.ReaderKey, StringComparison.Ordinal) || l.Message.Contains(AuthConfigs.WriterKey, StringComparison.Ordinal));
    }
}
