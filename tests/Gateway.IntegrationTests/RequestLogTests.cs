using System.Net;
using Gateway.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests;

/// <summary><c>Gateway:RequestLog</c>: which requests get the completion line (All by default, Errors, Off), hot-reloadable.</summary>
public sealed class RequestLogTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Config = """
    {
      "Gateway": { "RequestLog": "{MODE}" },
      "ReverseProxy": {
        "Routes": { "api": { "ClusterId": "legacy", "Match": { "Path": "/api/{**rest}" } } },
        "Clusters": { "legacy": { "Destinations": { "d1": { "Address": "{UPSTREAM}" } } } }
      }
    }
    """;

    private FakeLegacyUpstream _upstream = null!;

    public async Task InitializeAsync() =>
        _upstream = await FakeLegacyUpstream.StartAsync(app =>
        {
            app.MapGet("/api/ok/{n}", () => Results.Json(new { ok = true }));
            app.MapGet("/api/crash/{n}", () => Results.Text("<h1>boom</h1> at Foo.Bar() in C:\\src\\Foo.cs:line 3", "text/html", statusCode: 500));
        });

    public async Task DisposeAsync() => await _upstream.DisposeAsync();

    [Fact]
    public async Task Default_LogsSuccessesAndErrors()
    {
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, _upstream.Address, output);

        await GetAsync(gateway, "/api/ok/1", HttpStatusCode.OK);
        await GetAsync(gateway, "/api/crash/1", HttpStatusCode.InternalServerError);

        await WaitForCompletionLineAsync(gateway, "/api/crash/1");
        await WaitForCompletionLineAsync(gateway, "/api/ok/1");
    }

    [Fact]
    public async Task Errors_LogsOnlyErrorAnswers()
    {
        await using var gateway = await StartAsync("Errors");

        await GetAsync(gateway, "/api/ok/1", HttpStatusCode.OK);
        await GetAsync(gateway, "/api/crash/1", HttpStatusCode.InternalServerError);
        await GetAsync(gateway, "/nowhere/1", HttpStatusCode.NotFound);

        await WaitForCompletionLineAsync(gateway, "/api/crash/1");
        await WaitForCompletionLineAsync(gateway, "/nowhere/1");
        Assert.False(HasCompletionLine(gateway, "/api/ok/1"));
    }

    [Fact]
    public async Task Off_NoCompletionLines_OtherLinesStay()
    {
        await using var gateway = await StartAsync("Off");

        await GetAsync(gateway, "/api/ok/1", HttpStatusCode.OK);
        await GetAsync(gateway, "/api/crash/1", HttpStatusCode.InternalServerError);
        await GetAsync(gateway, "/api/crash/2", HttpStatusCode.InternalServerError);

        // The rewrites are still logged; the second is written after the first request had finished.
        await GatewayHost.EventuallyAsync(() => gateway.Logs.Lines.Count(l => l.EventName == "Replaced") == 2, "the error rewrite lines");
        Assert.False(HasCompletionLine(gateway, "/api/ok/1"));
        Assert.False(HasCompletionLine(gateway, "/api/crash/1"));
    }

    [Fact]
    public async Task SwitchedOffByAnEdit_AppliesWithoutRestart()
    {
        await using var gateway = await StartAsync("All");
        await GetAsync(gateway, "/api/ok/1", HttpStatusCode.OK);
        await WaitForCompletionLineAsync(gateway, "/api/ok/1");

        await gateway.WriteConfigAsync(Config.Replace("{MODE}", "Off", StringComparison.Ordinal), _upstream.Address);
        await GatewayHost.EventuallyAsync(() => gateway.Store.Current.Generation == 2, "the edit applied");

        await GetAsync(gateway, "/api/ok/2", HttpStatusCode.OK);
        await GetAsync(gateway, "/api/crash/2", HttpStatusCode.InternalServerError);
        await GatewayHost.EventuallyAsync(() => gateway.Logs.Lines.Any(l => l.EventName == "Replaced"), "the error rewrite line");
        Assert.False(HasCompletionLine(gateway, "/api/ok/2"));
        Assert.False(HasCompletionLine(gateway, "/api/crash/2"));
    }

    [Theory]
    [InlineData("Sometimes", "Gateway")]
    [InlineData("7", "Gateway:RequestLog")]
    public async Task InvalidMode_EditRefused_WithPath_OldModeKeeps(string mode, string expectedPath)
    {
        await using var gateway = await StartAsync("All");

        await gateway.WriteConfigAsync(Config.Replace("{MODE}", mode, StringComparison.Ordinal), _upstream.Address);

        await GatewayHost.EventuallyAsync(() => gateway.Logs.Lines.Any(l => l.EventName == "ConfigRejected"), "the refusal");
        Assert.Contains(expectedPath, gateway.Logs.Lines.Single(l => l.EventName == "ConfigRejected").Message, StringComparison.Ordinal);
        Assert.Equal(1, gateway.Store.Current.Generation);
        await GetAsync(gateway, "/api/ok/3", HttpStatusCode.OK);
        await WaitForCompletionLineAsync(gateway, "/api/ok/3");
    }

    [Fact]
    public async Task RefusedBeforeTheProxyStep_LineStillNamesRouteAndCluster()
    {
        const string config = """
        {
          "Gateway": {
            "Authentication": { "ApiKeys": { "Header": "X-API-Key", "Keys": {
              "k": { "Sha256": "0000000000000000000000000000000000000000000000000000000000000000" } } } },
            "Authorization": { "DefaultPolicy": "Authenticated" }
          },
          "ReverseProxy": {
            "Routes": { "api": { "ClusterId": "legacy", "Match": { "Path": "/api/{**rest}" } } },
            "Clusters": { "legacy": { "Destinations": { "d1": { "Address": "{UPSTREAM}" } } } }
          }
        }
        """;
        await using var gateway = await GatewayHost.StartAsync(config, _upstream.Address, output);

        await GetAsync(gateway, "/api/ok/1", HttpStatusCode.Unauthorized);

        await WaitForCompletionLineAsync(gateway, "/api/ok/1");
        var line = gateway.Logs.Lines.Single(l => l.EventName == "RequestCompleted" && l.Message.Contains("\"/api/ok/1\"", StringComparison.Ordinal));
        Assert.Contains("route=\"api\" cluster=\"legacy\"", line.Message, StringComparison.Ordinal);
        Assert.Contains("status=401", line.Message, StringComparison.Ordinal);
    }

    private Task<GatewayHost> StartAsync(string mode) =>
        GatewayHost.StartAsync(Config.Replace("{MODE}", mode, StringComparison.Ordinal), _upstream.Address, output);

    private static async Task GetAsync(GatewayHost gateway, string path, HttpStatusCode expected)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await gateway.Client.GetAsync(path, cts.Token);
        Assert.Equal(expected, response.StatusCode);
        await response.Content.ReadAsByteArrayAsync(cts.Token);
    }

    private static bool HasCompletionLine(GatewayHost gateway, string path) =>
        gateway.Logs.Lines.Any(l => l.EventName == "RequestCompleted" && l.Message.Contains($"\"{path}\"", StringComparison.Ordinal));

    private static Task WaitForCompletionLineAsync(GatewayHost gateway, string path) =>
        GatewayHost.EventuallyAsync(() => HasCompletionLine(gateway, path), $"completion line of {path}");
}
