using System.Net;
using Gateway.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests;

/// <summary>Editing gateway.json changes routes without a restart; an invalid edit is refused and the last good config serves.</summary>
public sealed class ConfigReloadTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string WithNewRoute = """
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
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        _upstream = await FakeLegacyUpstream.StartAsync(app => app.MapGet("/api/ping", () => Results.Text("pong")));
        _gateway = await GatewayHost.StartAsync(TestConfigs.Standard, _upstream.Address, output);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task GoodThenBadThenGood_BadIsRefusedOldServes_GoodIsAppliedAfter()
    {
        Assert.Equal(1, _gateway.Store.Current.Generation);
        Assert.Equal(HttpStatusCode.NotFound, (await _gateway.Client.GetAsync("/fresh/x")).StatusCode);

        await _gateway.WriteConfigAsync("""{ "ReverseProxy": { "Routes": { "api": { "ClusterId": """, _upstream.Address);
        await WaitForRefusalAsync(1);
        Assert.Contains(_gateway.Logs.Lines, l => l.Message.Contains("invalid JSON at line", StringComparison.Ordinal));
        await AssertOldConfigServesAsync();
        using (var ready = await _gateway.Client.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Contains("Degraded", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await _gateway.WriteConfigAsync(WithNewRoute, _upstream.Address);
        await WaitForFreshRouteAsync();
        Assert.Equal(2, _gateway.Store.Current.Generation);
        using var fresh = await _gateway.Client.GetAsync("/fresh/x");
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal("pong", await fresh.Content.ReadAsStringAsync());
        using var readyAgain = await _gateway.Client.GetAsync("/health/ready");
        Assert.Contains("Healthy", await readyAgain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeveralBadEditsInARow_EachRefused_ThenGoodEditStillPickedUp()
    {
        // YARP's configuration change token is single-use (dotnet/yarp#2791): later edits must still be seen.
        await _gateway.WriteConfigAsync("{ not json", _upstream.Address);
        await WaitForRefusalAsync(1);
        var unknownCluster = WithNewRoute.Replace("\"ClusterId\": \"legacy\", \"Match\": { \"Path\": \"/fresh", "\"ClusterId\": \"missing\", \"Match\": { \"Path\": \"/fresh", StringComparison.Ordinal);
        Assert.NotEqual(WithNewRoute, unknownCluster);
        await _gateway.WriteConfigAsync(unknownCluster, _upstream.Address);
        await WaitForRefusalAsync(2);
        await _gateway.WriteConfigAsync("""{ "Gateway": { "DefaultProfile": "Soap" } }""", _upstream.Address);
        await WaitForRefusalAsync(3);
        await AssertOldConfigServesAsync();

        await _gateway.WriteConfigAsync(WithNewRoute, _upstream.Address);
        await WaitForFreshRouteAsync();
        Assert.Equal(2, _gateway.Store.Current.Generation);
    }

    [Theory]
    [InlineData("\"ClusterId\": \"legacy\", \"Match\": { \"Path\": \"/fresh/{**rest}\" }", "\"ClusterId\": \"nope\", \"Match\": { \"Path\": \"/fresh/{**rest}\" }", "ReverseProxy:Routes:fresh:ClusterId")]
    [InlineData("\"Address\": \"{UPSTREAM}\"", "\"Address\": \"not a url\"", "ReverseProxy:Clusters:legacy")]
    [InlineData("\"ReverseProxy\": {", "\"Gateway\": { \"Routes\": { \"fresh\": { \"Profile\": \"Nope\" } } }, \"ReverseProxy\": {", "Gateway:Routes:fresh:Profile")]
    [InlineData("\"ReverseProxy\": {", "\"Gateway\": { \"Routes\": { \"fresh\": { \"StatusMap\": { \"418\": 422 } } } }, \"ReverseProxy\": {", "Gateway:Routes:fresh:StatusMap:418")]
    [InlineData("\"ReverseProxy\": {", "\"Gateway\": { \"Routes\": { \"ghost\": { } } }, \"ReverseProxy\": {", "Gateway:Routes:ghost")]
    [InlineData("\"ReverseProxy\": {", "\"Gateway\": { \"Profiel\": \"EdFi\" }, \"ReverseProxy\": {", "Profiel")]
    [InlineData("\"ReverseProxy\": {", "\"Gateway\": { \"MaxBufferedBytes\": 1000 }, \"ReverseProxy\": {", "Gateway:MaxBufferedBytes")]
    [InlineData("\"ReverseProxy\": {", "\"Gateway\": { \"ErrorBodyTimeoutSeconds\": 0 }, \"ReverseProxy\": {", "Gateway:ErrorBodyTimeoutSeconds")]
    [InlineData("\"ReverseProxy\": {", "\"Gateway\": { \"LogBufferMilliseconds\": -1 }, \"ReverseProxy\": {", "Gateway:LogBufferMilliseconds")]
    public async Task OneBadPartAmongGoodOnes_WholeUpdateRefused_WithPathInLog(string find, string replace, string expectedPath)
    {
        var bad = WithNewRoute.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(WithNewRoute, bad);

        await _gateway.WriteConfigAsync(bad, _upstream.Address);

        await WaitForRefusalAsync(1);
        var refusal = _gateway.Logs.Lines.Single(l => l.EventName == "ConfigRejected");
        Assert.Contains(expectedPath, refusal.Message, StringComparison.Ordinal);
        Assert.Equal(1, _gateway.Store.Current.Generation);
        // The good new route in the same file is not applied either.
        Assert.Equal(HttpStatusCode.NotFound, (await _gateway.Client.GetAsync("/fresh/x")).StatusCode);
        await AssertOldConfigServesAsync();
    }

    [Fact]
    public async Task FileDeleted_IsRefused_AndOldConfigServes()
    {
        File.Delete(_gateway.ConfigPath);

        await WaitForRefusalAsync(1);
        await AssertOldConfigServesAsync();
    }

    [Fact]
    public async Task FileDeletedThenRestoredUnchanged_RefusedOnce_ThenAppliedAgain()
    {
        var original = await File.ReadAllTextAsync(_gateway.ConfigPath);
        File.Delete(_gateway.ConfigPath);
        await WaitForRefusalAsync(1);
        await Task.Delay(TimeSpan.FromSeconds(5)); // file events and two polls have seen the deletion by now

        await File.WriteAllTextAsync(_gateway.ConfigPath, original);

        await GatewayHost.EventuallyAsync(() => _gateway.Store.LastRejection.Count == 0, "the restored file applied");
        Assert.Single(_gateway.Logs.Lines, l => l.EventName == "ConfigRejected");
        Assert.Equal(2, _gateway.Store.Current.Generation);
        await AssertOldConfigServesAsync();
    }

    private Task WaitForRefusalAsync(int count) =>
        GatewayHost.EventuallyAsync(() => _gateway.Logs.Lines.Count(l => l.EventName == "ConfigRejected") >= count, $"{count} refusal(s)");

    // YARP swaps endpoints on a background reload just after the store applies a generation.
    private async Task WaitForFreshRouteAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while ((await _gateway.Client.GetAsync("/fresh/x")).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(DateTime.UtcNow < deadline, "the new route never served");
            await Task.Delay(50);
        }
    }

    private async Task AssertOldConfigServesAsync()
    {
        using var response = await _gateway.Client.GetAsync("/api/ping");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("pong", await response.Content.ReadAsStringAsync());
    }
}
