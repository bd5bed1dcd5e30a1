using System.Net;
using Gateway.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests;

/// <summary>Policies follow hot reload: a changed limit applies without restart; a bad edit is refused with its path.</summary>
public sealed class RateLimitReloadTests(ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private static readonly string s_config = RateLimitingTests.Config;
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));
    private FakeLegacyUpstream _upstream = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        _upstream = await FakeLegacyUpstream.StartAsync(app => app.MapGet("/api/ping", () => Results.Text("pong")));
        _gateway = await GatewayHost.StartAsync(s_config, _upstream.Address, output);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    public void Dispose() => _timeout.Dispose();

    [Fact]
    public async Task LoweredLimit_TakesEffectWithoutRestart_AndNewPolicyNameResolves()
    {
        using (var before = await _gateway.Client.GetAsync("/api/ping", _timeout.Token))
        {
            Assert.Equal("\"five\";q=5;w=86400", Assert.Single(before.Headers.GetValues("RateLimit-Policy")));
        }

        // A policy renamed and lowered, and a route switched to it: YARP must resolve a name it never saw at startup.
        var edited = s_config
            .Replace("\"five\": { \"Kind\": \"FixedWindow\", \"PermitLimit\": 5", "\"two\": { \"Kind\": \"FixedWindow\", \"PermitLimit\": 2", StringComparison.Ordinal)
            .Replace("\"RateLimiterPolicy\": \"five\"", "\"RateLimiterPolicy\": \"two\"", StringComparison.Ordinal);
        Assert.NotEqual(s_config, edited);
        await _gateway.WriteConfigAsync(edited, _upstream.Address);
        await GatewayHost.EventuallyAsync(() => _gateway.Store.Current.Generation == 2, "the edit to apply");
        await GatewayHost.EventuallyAsync(() => _gateway.Store.Current.Routes.Count == 6, "YARP to take the routes");

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await _gateway.Client.GetAsync("/api/ping", _timeout.Token);
            statuses.Add((int)response.StatusCode);
            Assert.Equal("\"two\";q=2;w=86400", Assert.Single(response.Headers.GetValues("RateLimit-Policy")));
        }

        Assert.Equal(new[] { 200, 200, 429 }, statuses);
    }

    [Theory]
    [InlineData("\"RateLimiterPolicy\": \"bucket\"", "\"RateLimiterPolicy\": \"nope\"", "ReverseProxy:Routes:bucket:RateLimiterPolicy: there is no policy 'nope'")]
    [InlineData("\"PermitLimit\": 5", "\"PermitLimit\": 0", "Gateway:RateLimiting:Policies:five:PermitLimit")]
    [InlineData("\"Window\": \"1.00:00:00\" }", "\"Window\": \"00:00:00.500\" }", "Gateway:RateLimiting:Policies:five:Window")]
    [InlineData("\"SegmentsPerWindow\": 6", "\"SegmentsPerWindow\": 7", "Gateway:RateLimiting:Policies:sliding:SegmentsPerWindow")]
    [InlineData("\"Kind\": \"Concurrency\", \"PermitLimit\": 2", "\"Kind\": \"Concurrency\", \"PermitLimit\": 2, \"Store\": \"Redis\"", "Gateway:RateLimiting:Policies:pair:Store")]
    [InlineData("\"Kind\": \"Concurrency\"", "\"Kind\": \"Leaky\"", "Gateway:RateLimiting")]
    [InlineData("\"Policies\": {", "\"DefaultPolicy\": \"ghost\", \"Policies\": {", "Gateway:RateLimiting:DefaultPolicy")]
    [InlineData("\"Policies\": {", "\"Exempt\": { \"Networks\": [ \"10.0.0.0/33\" ] }, \"Policies\": {", "Gateway:RateLimiting:Exempt:Networks:0")]
    [InlineData("\"RateLimiting\": {", "\"ForwardedHeaders\": { \"TrustedProxies\": [ \"proxy.local\" ] }, \"RateLimiting\": {", "Gateway:ForwardedHeaders:TrustedProxies:0")]
    [InlineData("\"RateLimiting\": {", "\"Clusters\": { \"missing\": { \"MaxConcurrentRequests\": 3 } }, \"RateLimiting\": {", "Gateway:Clusters:missing")]
    [InlineData("\"RateLimiting\": {", "\"Clusters\": { \"legacy\": { \"MaxConcurrentRequests\": 0 } }, \"RateLimiting\": {", "Gateway:Clusters:legacy:MaxConcurrentRequests")]
    public async Task BadEdit_Refused_WithPath_OldPoliciesKeepServing(string find, string replace, string expected)
    {
        var bad = s_config.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(s_config, bad);

        await _gateway.WriteConfigAsync(bad, _upstream.Address);

        await GatewayHost.EventuallyAsync(() => _gateway.Logs.Lines.Any(l => l.EventName == "ConfigRejected"), "the refusal");
        var refusal = _gateway.Logs.Lines.Single(l => l.EventName == "ConfigRejected");
        Assert.Contains(expected, refusal.Message, StringComparison.Ordinal);
        Assert.Equal(1, _gateway.Store.Current.Generation);
        var statuses = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await _gateway.Client.GetAsync("/api/ping", _timeout.Token);
            statuses.Add((int)response.StatusCode);
        }

        Assert.Equal(new[] { 200, 200, 200, 200, 200, 429 }, statuses);
    }
}
