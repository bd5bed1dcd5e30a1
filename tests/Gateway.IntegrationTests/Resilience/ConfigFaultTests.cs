using System.Net;
using Gateway.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests.Resilience;

/// <summary>
/// Config faults while a client keeps sending requests: a half-written file, invalid JSON, a bad route among good
/// ones, a missing file, Redis away and back. Every answer must be 2xx from the last good config.
/// </summary>
public sealed class ConfigFaultTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Good = """
    {
      "ReverseProxy": {
        "Routes": {
          "api": { "ClusterId": "legacy", "Match": { "Path": "/api/{**rest}" } },
          "fresh": { "ClusterId": "legacy", "Match": { "Path": "/fresh/{**rest}" }, "Transforms": [ { "PathPattern": "/api/ping" } ] }
        },
        "Clusters": { "legacy": { "Destinations": { "d1": { "Address": "{UPSTREAM}" } } } }
      }
    }
    """;

    private FakeLegacyUpstream _upstream = null!;

    public async Task InitializeAsync() =>
        _upstream = await FakeLegacyUpstream.StartAsync(app => app.MapGet("/api/ping", () => Results.Text("pong")));

    public async Task DisposeAsync() => await _upstream.DisposeAsync();

    [Fact]
    public async Task EveryFaultInTurn_UnderLoad_NoRequestFails_AndEachGoodEditApplies()
    {
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, _upstream.Address, output);
        await using var load = new BackgroundLoad(gateway.Client, "/api/ping");
        await load.AdvanceAsync(20);

        // 1. Half-written: the editor (or a slow copy) has written only part of the file, then finishes.
        var good = Good.Replace("{UPSTREAM}", _upstream.Address, StringComparison.Ordinal);
        await File.WriteAllTextAsync(gateway.ConfigPath, good[..(good.Length / 2)]);
        await WaitForRefusalsAsync(gateway, 1);
        await load.AdvanceAsync(20);
        await File.WriteAllTextAsync(gateway.ConfigPath, good);
        await WaitForGenerationAsync(gateway, 2);
        await WaitForRouteAsync(gateway, "/fresh/x");

        // 2. Invalid JSON.
        await gateway.WriteConfigAsync(Good.Replace("\"Routes\": {", "\"Routes\": {,", StringComparison.Ordinal), _upstream.Address);
        await WaitForRefusalsAsync(gateway, 2);
        await load.AdvanceAsync(20);

        // 3. A bad route among good ones: the whole update is refused, the good new route too.
        var badRoute = Good.Replace(
            "\"fresh\":",
            "\"later\": { \"ClusterId\": \"legacy\", \"Match\": { \"Path\": \"/later/{**rest}\" } },\n          \"broken\": { \"ClusterId\": \"nowhere\", \"Match\": { \"Path\": \"/broken\" } },\n          \"fresh\":",
            StringComparison.Ordinal);
        await gateway.WriteConfigAsync(badRoute, _upstream.Address);
        await WaitForRefusalsAsync(gateway, 3);
        Assert.Equal(HttpStatusCode.NotFound, (await gateway.Client.GetAsync("/later/api/ping")).StatusCode);
        await load.AdvanceAsync(20);

        // 4. The file disappears (a deploy replacing it, a bad volume mount), then comes back changed.
        File.Delete(gateway.ConfigPath);
        await WaitForRefusalsAsync(gateway, 4);
        await load.AdvanceAsync(20);
        await gateway.WriteConfigAsync(Good.Replace("/fresh/", "/renewed/", StringComparison.Ordinal), _upstream.Address);
        await WaitForGenerationAsync(gateway, 3);
        await WaitForRouteAsync(gateway, "/renewed/x");
        await load.AdvanceAsync(20);

        var failures = await load.StopAsync();
        output.WriteLine($"config faults: {load.Sent} requests under load, {failures.Count} not 2xx");
        Assert.Empty(failures);
        Assert.True(load.Sent >= 140);
        Assert.Equal(4, gateway.Store.RefusedCount);
    }

    [Fact]
    public async Task RedisAwayAndBack_ServingAndReloadContinue_StoreRecovers()
    {
        await using var redis = await RedisServer.StartAsync();
        const string Generous = """{ "Kind": "FixedWindow", "PermitLimit": 1000000, "Window": "1.00:00:00", "Store": "Redis" }""";
        // A decision timeout far above the default 250 ms: on a loaded machine one decision after Redis is back could
        // time out into the local fallback, which this test reads as Redis not deciding again. Killed, Redis is noticed
        // at once (refused, not slow), so the longer timeout does not slow the outage.
        var config = RedisRateLimitingTests.Config(redis.Configuration, Generous)
            .Replace("\"ReconnectMilliseconds\": 200", "\"ReconnectMilliseconds\": 200, \"TimeoutMilliseconds\": 3000", StringComparison.Ordinal);
        await using var gateway = await GatewayHost.StartAsync(config, _upstream.Address, output);
        await GatewayHost.EventuallyAsync(() => RedisRateLimitingTests.ProbeReady(gateway), "the gateway to connect to Redis", TimeSpan.FromSeconds(20));
        var counters = gateway.Services.GetRequiredService<Gateway.RateLimiting.RateLimitCounters>();
        await using var load = new BackgroundLoad(gateway.Client, "/api/ping");
        await load.AdvanceAsync(20);

        await redis.KillAsync();
        await GatewayHost.EventuallyAsync(() => counters.StoreOutages == 1, "the gateway to notice Redis is away");
        await load.AdvanceAsync(20);

        // A config edit while Redis is away is applied like any other.
        await gateway.WriteConfigAsync(config.Replace("1000000", "2000000", StringComparison.Ordinal), _upstream.Address);
        await WaitForGenerationAsync(gateway, 2);
        await load.AdvanceAsync(20);

        await redis.RestartAsync();
        await GatewayHost.EventuallyAsync(() => counters.StoreRecoveries == 1, "the gateway to use Redis again", TimeSpan.FromSeconds(20));
        var localBefore = counters.LocalFallbackDecisions;
        await load.AdvanceAsync(20);

        var failures = await load.StopAsync();
        output.WriteLine($"redis away and back: {load.Sent} requests under load, {failures.Count} not 2xx");
        Assert.Empty(failures);
        Assert.Equal(localBefore, counters.LocalFallbackDecisions); // decided by Redis again
        Assert.True(counters.LocalFallbackDecisions > 0);
    }

    private static Task WaitForRefusalsAsync(GatewayHost gateway, int count) =>
        GatewayHost.EventuallyAsync(() => gateway.Store.RefusedCount >= count, $"{count} refusal(s)");

    private static Task WaitForGenerationAsync(GatewayHost gateway, int generation) =>
        GatewayHost.EventuallyAsync(() => gateway.Store.Current.Generation == generation, $"generation {generation}");

    // YARP swaps endpoints on a background reload just after the store applies a generation.
    private static async Task WaitForRouteAsync(GatewayHost gateway, string path)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while ((await gateway.Client.GetAsync(path)).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{path} never served");
            await Task.Delay(50);
        }
    }
}
