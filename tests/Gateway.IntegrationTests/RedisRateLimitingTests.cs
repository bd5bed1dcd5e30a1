using System.Diagnostics;
using System.Net;
using Gateway.IntegrationTests.Infrastructure;
using Gateway.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests;

/// <summary>
/// Redis-backed limits with a real redis-server on a loopback port: replicas share one limit exactly; Redis killed
/// and restarted mid-test (fail open, fail closed, logged once per transition, counted, readiness, recovery).
/// </summary>
public sealed class RedisRateLimitingTests(ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(90));
    private RedisServer _redis = null!;
    private FakeLegacyUpstream _upstream = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _upstream = await FakeLegacyUpstream.StartAsync(app => app.MapGet("/api/ping", () => Results.Text("pong")));
    }

    public async Task DisposeAsync()
    {
        await _upstream.DisposeAsync();
        await _redis.DisposeAsync();
    }

    public void Dispose() => _timeout.Dispose();

    public static string Config(string redis, string policy, string whenUnavailable = "FailOpen") => $$"""
    {
      "Gateway": {
        "Routes": { "v2": { "Profile": "ProblemDetails" } },
        "RateLimiting": {
          "Redis": { "Configuration": "{{redis}}", "WhenUnavailable": "{{whenUnavailable}}", "ReconnectMilliseconds": 200, "ConnectTimeoutMilliseconds": 1000 },
          "Policies": { "shared": {{policy}} }
        }
      },
      "ReverseProxy": {
        "Routes": {
          "api": { "ClusterId": "legacy", "Match": { "Path": "/api/{**rest}" }, "RateLimiterPolicy": "shared" },
          "v2": { "ClusterId": "legacy", "Match": { "Path": "/v2/api/{**rest}" }, "RateLimiterPolicy": "shared",
                  "Transforms": [ { "PathRemovePrefix": "/v2" } ] },
          "free": { "ClusterId": "legacy", "Match": { "Path": "/free/{**rest}" }, "Transforms": [ { "PathRemovePrefix": "/free" } ] }
        },
        "Clusters": { "legacy": { "Destinations": { "d1": { "Address": "{UPSTREAM}" } } } }
      }
    }
    """;

    public const string FixedSix = """{ "Kind": "FixedWindow", "PermitLimit": 6, "Window": "1.00:00:00", "Store": "Redis" }""";

    [Theory]
    [InlineData(FixedSix)]
    [InlineData("""{ "Kind": "SlidingWindow", "PermitLimit": 6, "Window": "00:05:00", "SegmentsPerWindow": 5, "Store": "Redis" }""")]
    [InlineData("""{ "Kind": "TokenBucket", "TokenLimit": 6, "TokensPerPeriod": 1, "ReplenishmentPeriod": "01:00:00", "Store": "Redis" }""")]
    public async Task TwoGateways_ShareOneLimitExactly(string policy)
    {
        await using var a = await StartConnectedAsync(Config(_redis.Configuration, policy));
        await using var b = await StartConnectedAsync(Config(_redis.Configuration, policy));

        var statuses = new List<int>();
        var remaining = new List<long>();
        for (var i = 0; i < 8; i++)
        {
            using var response = await (i % 2 == 0 ? a : b).Client.GetAsync("/api/ping", _timeout.Token);
            statuses.Add((int)response.StatusCode);
            remaining.Add(RateLimitFields.Limit(response).Number("r"));
        }

        Assert.Equal(new[] { 200, 200, 200, 200, 200, 200, 429, 429 }, statuses);
        Assert.Equal(new long[] { 5, 4, 3, 2, 1, 0, 0, 0 }, remaining);
        Assert.Equal(6, _upstream.Requests.Count);
        Assert.Equal(0, a.Services.GetRequiredService<RateLimitCounters>().LocalFallbackDecisions);
        Assert.Equal(0, b.Services.GetRequiredService<RateLimitCounters>().LocalFallbackDecisions);
    }

    [Fact]
    public async Task RedisKilledAndRestarted_FailOpen_LocalLimitMeanwhile_LoggedOnce_Counted_Degraded_Recovers()
    {
        await using var gateway = await StartConnectedAsync(Config(_redis.Configuration, FixedSix));
        var counters = gateway.Services.GetRequiredService<RateLimitCounters>();
        Assert.Equal(new[] { 200, 200 }, await StatusesAsync(gateway, "/api/ping", 2));
        Assert.Contains("\"ratelimit-store\":{\"status\":\"Healthy\"", await ReadyAsync(gateway), StringComparison.Ordinal);

        await _redis.KillAsync();

        // Failing open: the local limiter of the same policy takes over (a fresh quota of six on this replica).
        var during = await StatusesAsync(gateway, "/api/ping", 8);
        Assert.Equal(new[] { 200, 200, 200, 200, 200, 200, 429, 429 }, during);
        Assert.Equal(1, counters.StoreOutages);
        Assert.True(counters.LocalFallbackDecisions >= 8);
        Assert.Single(gateway.Logs.Lines, l => l.Message.Contains("Redis rate-limit store unavailable", StringComparison.Ordinal));
        var ready = await ReadyAsync(gateway);
        Assert.Contains("\"ratelimit-store\":{\"status\":\"Degraded\"", ready, StringComparison.Ordinal);
        Assert.Contains("failing open", ready, StringComparison.Ordinal);

        await _redis.RestartAsync(); // empty: no persistence
        await GatewayHost.EventuallyAsync(() => counters.StoreRecoveries == 1 || ProbeReady(gateway), "the gateway to reconnect to Redis", TimeSpan.FromSeconds(20));

        // Shared again: Redis lost its data, so a fresh shared quota of six.
        Assert.Equal(new[] { 200, 200, 200, 200, 200, 200, 429 }, await StatusesAsync(gateway, "/api/ping", 7));
        Assert.Equal(1, counters.StoreRecoveries);
        Assert.Single(gateway.Logs.Lines, l => l.Message.Contains("Redis rate-limit store available again", StringComparison.Ordinal));
        Assert.Single(gateway.Logs.Lines, l => l.Message.Contains("Redis rate-limit store unavailable", StringComparison.Ordinal));
        Assert.Contains("\"ratelimit-store\":{\"status\":\"Healthy\"", await ReadyAsync(gateway), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedisKilled_FailClosed_RefusesWithConfiguredStatusAndPayload_ThenRecovers()
    {
        await using var gateway = await StartConnectedAsync(Config(_redis.Configuration, FixedSix, "FailClosed"));
        var counters = gateway.Services.GetRequiredService<RateLimitCounters>();
        Assert.Equal(new[] { 200 }, await StatusesAsync(gateway, "/api/ping", 1));

        await _redis.KillAsync();

        using (var problem = await gateway.Client.GetAsync("/v2/api/ping", _timeout.Token))
        {
            await Payload.ReadProblemAsync(problem, 503);
            Assert.Equal(1, RateLimitFields.RetryAfterSeconds(problem));
            Assert.False(RateLimitFields.Present(problem)); // no quota is known, so none is advertised
        }

        using (var edfi = await gateway.Client.GetAsync("/api/ping", _timeout.Token))
        {
            await Payload.ReadEdFiAsync(edfi, 500); // EdFi has no 503: the profile maps it
        }

        using (var free = await gateway.Client.GetAsync("/free/api/ping", _timeout.Token))
        {
            Assert.Equal(HttpStatusCode.OK, free.StatusCode); // routes without a Redis policy are not affected
        }

        Assert.Equal(2, counters.StoreClosedRefusals);
        Assert.Equal(2, _upstream.Requests.Count); // the first request and the one on the free route
        Assert.Contains("failing closed", await ReadyAsync(gateway), StringComparison.Ordinal);

        await _redis.RestartAsync();
        await GatewayHost.EventuallyAsync(() => ProbeReady(gateway), "the gateway to reconnect to Redis", TimeSpan.FromSeconds(20));
        Assert.Equal(new[] { 200 }, await StatusesAsync(gateway, "/api/ping", 1));
    }

    [Fact]
    public async Task GatewayStartedWithoutRedis_FailsOpen_ThenSharesOnceRedisStarts()
    {
        await _redis.KillAsync();
        await using var gateway = await GatewayHost.StartAsync(Config(_redis.Configuration, FixedSix), _upstream.Address, output);
        var counters = gateway.Services.GetRequiredService<RateLimitCounters>();

        Assert.Equal(new[] { 200, 200 }, await StatusesAsync(gateway, "/api/ping", 2));
        Assert.True(counters.LocalFallbackDecisions >= 2);
        Assert.Contains("Degraded", await ReadyAsync(gateway), StringComparison.Ordinal);

        await _redis.RestartAsync();
        await GatewayHost.EventuallyAsync(() => ProbeReady(gateway), "the gateway to connect to Redis", TimeSpan.FromSeconds(20));
        var before = counters.LocalFallbackDecisions;
        Assert.Equal(new[] { 200, 200, 200, 200, 200, 200, 429 }, await StatusesAsync(gateway, "/api/ping", 7));
        Assert.Equal(before, counters.LocalFallbackDecisions);
        Assert.Equal(":1", await _redis.CommandAsync("EXISTS gateway:rl:shared:fw86400000:ip:127.0.0.1"));
    }

    [Fact]
    public async Task HotReload_RaisedLimit_AppliesToTheSharedCounter()
    {
        await using var gateway = await StartConnectedAsync(Config(_redis.Configuration, FixedSix));
        Assert.Equal(new[] { 200, 200, 200, 200, 200, 200, 429 }, await StatusesAsync(gateway, "/api/ping", 7));

        await gateway.WriteConfigAsync(Config(_redis.Configuration, FixedSix.Replace("6", "8", StringComparison.Ordinal)), _upstream.Address);
        await GatewayHost.EventuallyAsync(() => gateway.Store.Current.Generation == 2, "the edit to apply");

        // Same window, same counter (six used), two more permitted by the new limit.
        Assert.Equal(new[] { 200, 200, 429 }, await StatusesAsync(gateway, "/api/ping", 3));
    }

    // StackExchange.Redis only checks timeouts on its 1 s heartbeat: a paused Redis held each request for up to
    // TimeoutMilliseconds + 1 s. Several rounds, as the heartbeat's phase differs each time.
    [Fact]
    public async Task RedisPaused_EachRequestBoundedByTheDecisionTimeout_FailsOpen_Recovers()
    {
        var config = Config(_redis.Configuration, FixedSix.Replace("6", "100", StringComparison.Ordinal))
            .Replace("\"ConnectTimeoutMilliseconds\": 1000", "\"ConnectTimeoutMilliseconds\": 1000, \"TimeoutMilliseconds\": 150", StringComparison.Ordinal);
        await using var gateway = await StartConnectedAsync(config);
        var counters = gateway.Services.GetRequiredService<RateLimitCounters>();
        Assert.Equal(new[] { 200 }, await StatusesAsync(gateway, "/api/ping", 1));

        var slowest = TimeSpan.Zero;
        for (var round = 0; round < 4; round++)
        {
            Assert.Equal("+OK", await _redis.CommandAsync("CLIENT PAUSE 2000 ALL"));
            var started = Stopwatch.GetTimestamp();
            using (var response = await gateway.Client.GetAsync("/api/ping", _timeout.Token))
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode); // failing open
            }

            var elapsed = Stopwatch.GetElapsedTime(started);
            slowest = elapsed > slowest ? elapsed : slowest;
            Assert.Equal("+OK", await _redis.CommandAsync("CLIENT UNPAUSE"));
            await GatewayHost.EventuallyAsync(() => ProbeReady(gateway), "Redis to answer again", TimeSpan.FromSeconds(20));
        }

        Assert.True(slowest < TimeSpan.FromMilliseconds(650), $"slowest request during a Redis pause: {slowest.TotalMilliseconds:0} ms");
        Assert.True(counters.StoreFailures >= 4);
        Assert.True(counters.LocalFallbackDecisions >= 4);
        Assert.Contains(gateway.Logs.Lines, l => l.Message.Contains("Redis rate-limit store unavailable", StringComparison.Ordinal));
    }

    // A reload that adds the store connects on first use: that request waits for the connection (within the decision
    // timeout, raised here for a loaded machine) instead of being refused as if Redis were down.
    [Fact]
    public async Task HotReload_AddingTheStore_FirstRequestDecidedByRedis_NotRefusedClosed()
    {
        var withStore = Config(_redis.Configuration, FixedSix, whenUnavailable: "FailClosed")
            .Replace("\"ConnectTimeoutMilliseconds\": 1000", "\"ConnectTimeoutMilliseconds\": 2000, \"TimeoutMilliseconds\": 2000", StringComparison.Ordinal);
        var local = System.Text.RegularExpressions.Regex.Replace(withStore, "\"Redis\": \\{[^}]*\\},", "")
            .Replace(", \"Store\": \"Redis\"", "", StringComparison.Ordinal);
        await using var gateway = await GatewayHost.StartAsync(local, _upstream.Address, output);
        Assert.Equal(new[] { 200, 200 }, await StatusesAsync(gateway, "/api/ping", 2));

        await gateway.WriteConfigAsync(withStore, _upstream.Address);
        await GatewayHost.EventuallyAsync(() => gateway.Store.Current.Generation == 2, "the edit to apply");

        Assert.Equal(new[] { 200, 200, 200, 200, 200, 200, 429 }, await StatusesAsync(gateway, "/api/ping", 7));
        Assert.Contains("\"closedRefusals\":\"0\"", await ReadyAsync(gateway), StringComparison.Ordinal);
        Assert.Equal(":1", await _redis.CommandAsync("EXISTS gateway:rl:shared:fw86400000:ip:127.0.0.1"));
    }

    // A loaded machine can take longer than the 1 s connect timeout at startup; these tests begin with Redis connected.
    private async Task<GatewayHost> StartConnectedAsync(string config)
    {
        var gateway = await GatewayHost.StartAsync(config, _upstream.Address, output);
        try
        {
            await GatewayHost.EventuallyAsync(() => ProbeReady(gateway), "the gateway to connect to Redis", TimeSpan.FromSeconds(20));
            return gateway;
        }
        catch
        {
            await gateway.DisposeAsync();
            throw;
        }
    }

    internal static bool ProbeReady(GatewayHost gateway)
    {
        using var response = gateway.Client.GetAsync("/health/ready").GetAwaiter().GetResult();
        return response.Content.ReadAsStringAsync().GetAwaiter().GetResult().Contains("\"ratelimit-store\":{\"status\":\"Healthy\"", StringComparison.Ordinal);
    }

    private async Task<string> ReadyAsync(GatewayHost gateway)
    {
        using var response = await gateway.Client.GetAsync("/health/ready", _timeout.Token);
        return await response.Content.ReadAsStringAsync(_timeout.Token);
    }

    private async Task<int[]> StatusesAsync(GatewayHost gateway, string path, int count)
    {
        var statuses = new int[count];
        for (var i = 0; i < count; i++)
        {
            using var response = await gateway.Client.GetAsync(path, _timeout.Token);
            statuses[i] = (int)response.StatusCode;
        }

        return statuses;
    }
}
