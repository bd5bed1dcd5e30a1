using System.Diagnostics;
using System.Net;
using Gateway.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Gateway.IntegrationTests;

/// <summary>The gateway as a process: the validate command, refusing a bad file at startup, env overrides, SIGTERM.</summary>
public sealed class ProcessTests : IDisposable
{
    private readonly ScratchDirectory _scratch = new("gateway-process-");

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task Validate_GoodFile_ExitsZero()
    {
        var path = Write("good.json", TestConfigs.Standard.Replace("{UPSTREAM}", "http://127.0.0.1:5080", StringComparison.Ordinal));

        using var process = GatewayProcess.Start(["validate", path]);

        Assert.True(await process.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal(0, process.ExitCode);
        Assert.Contains("configuration is ok (3 routes, 1 clusters)", process.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_BadFile_PrintsEachProblemWithItsPath_ExitsNonZero()
    {
        var bad = TestConfigs.Standard
            .Replace("{UPSTREAM}", "http://127.0.0.1:5080", StringComparison.Ordinal)
            .Replace("\"ClusterId\": \"legacy\", \"Match\": { \"Path\": \"/api/", "\"ClusterId\": \"nope\", \"Match\": { \"Path\": \"/api/", StringComparison.Ordinal)
            .Replace("\"v2\": { \"Profile\": \"ProblemDetails\" }", "\"v2\": { \"Profile\": \"ProblemDetails\", \"StatusMap\": { \"418\": 999 } }", StringComparison.Ordinal);
        var path = Write("bad.json", bad);

        using var process = GatewayProcess.Start(["validate", path]);

        Assert.True(await process.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.NotEqual(0, process.ExitCode);
        var output = process.AllOutput;
        Assert.Contains($"{path}: error: ReverseProxy:Routes:api:ClusterId: cluster 'nope' is not defined", output, StringComparison.Ordinal);
        Assert.Contains($"{path}: error: Gateway:Routes:v2:StatusMap:418: 999 is not a status", output, StringComparison.Ordinal);
        Assert.Contains("configuration test failed (2 errors)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_AddressInUse_LogsTheCause_ExitsOne_NoAbort()
    {
        var path = Write("good.json", TestConfigs.Standard.Replace("{UPSTREAM}", "http://127.0.0.1:5080", StringComparison.Ordinal));
        using var taken = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        using var process = GatewayProcess.Start(["--config", path, "--urls", $"http://127.0.0.1:{port}"]);

        Assert.True(await process.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        var output = process.AllOutput;
        Assert.Equal(1, process.ExitCode); // was 134: an unhandled exception aborted the process
        Assert.Contains("Hosting failed to start", output, StringComparison.Ordinal);
        Assert.Contains("address already in use", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.DoesNotContain("BackgroundService failed", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"ReverseProxy\": ", "invalid JSON at line 1")]
    [InlineData("", "the file is empty")]
    public async Task Validate_BrokenFile_ExitsNonZero(string content, string expected)
    {
        var path = Write("broken.json", content);

        using var process = GatewayProcess.Start(["validate", path]);

        Assert.True(await process.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains(expected, process.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_MissingFile_ExitsNonZero()
    {
        using var process = GatewayProcess.Start(["validate", Path.Combine(_scratch.Path, "absent.json")]);

        Assert.True(await process.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains("cannot read", process.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithInvalidFile_StopsWithTheProblems_AndNonZeroExit()
    {
        var path = Write("bad.json", """{ "Gateway": { "MaxErrorBodyBytes": 5 }, "ReverseProxy": { } }""");

        using var process = GatewayProcess.Start(["--config", path, "--urls", $"http://127.0.0.1:{GatewayProcess.FreePort()}"]);

        Assert.True(await process.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains("Gateway:MaxErrorBodyBytes", process.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnvironmentVariables_OverrideFileValues()
    {
        await using var upstream = await FakeLegacyUpstream.StartAsync(app => app.MapGet("/api/ping", () => Results.Text("pong")));
        // The file points at a closed port; the environment points at the real upstream and switches the profile.
        // A cold process on a loaded machine can need more than the standard config's 5 s for its first forward.
        var path = Write("gateway.json", TestConfigs.Standard
            .Replace("\"Timeout\": \"00:00:05\"", "\"Timeout\": \"00:00:30\"", StringComparison.Ordinal)
            .Replace("{UPSTREAM}", "http://127.0.0.1:1", StringComparison.Ordinal));
        var port = GatewayProcess.FreePort();
        using var process = GatewayProcess.Start(["--config", path, "--urls", $"http://127.0.0.1:{port}"], new Dictionary<string, string>
        {
            ["ReverseProxy__Clusters__legacy__Destinations__d1__Address"] = upstream.Address,
            ["Gateway__DefaultProfile"] = "ProblemDetails",
        });
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await process.WaitUntilReadyAsync(client);

        using var proxied = await client.GetAsync("/api/ping");
        Assert.Equal("pong", await proxied.Content.ReadAsStringAsync());
        using var missing = await client.GetAsync("/nowhere");
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task CommandLine_OverridesAStartupSettingOfTheFile()
    {
        await using var upstream = await FakeLegacyUpstream.StartAsync(app => app.MapPost("/api/ping", () => Results.Text("pong")));
        var path = Write("gateway.json", TestConfigs.Standard
            .Replace("\"Timeout\": \"00:00:05\"", "\"Timeout\": \"00:00:30\"", StringComparison.Ordinal)
            .Replace("{UPSTREAM}", upstream.Address, StringComparison.Ordinal)
            .Replace("\"Gateway\": {", "\"Kestrel\": { \"Limits\": { \"MaxRequestBodySize\": 10 } },\n  \"Gateway\": {", StringComparison.Ordinal));
        Assert.Contains("MaxRequestBodySize", File.ReadAllText(path), StringComparison.Ordinal);
        var port = GatewayProcess.FreePort();
        using var process = GatewayProcess.Start(
            ["--config", path, "--urls", $"http://127.0.0.1:{port}", "--Kestrel:Limits:MaxRequestBodySize=100000"]);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await process.WaitUntilReadyAsync(client);

        // 1,000 bytes: over the file's limit, under the command line's.
        using var response = await client.PostAsync("/api/ping", new StringContent(new string('x', 1000)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("pong", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Sigterm_DuringASlowRequest_CompletesIt_ThenExitsZero()
    {
        var started = new TaskCompletionSource();
        await using var upstream = await FakeLegacyUpstream.StartAsync(app => app.MapGet("/api/slow", async () =>
        {
            started.TrySetResult();
            await Task.Delay(TimeSpan.FromSeconds(3));
            return Results.Text("finished");
        }));
        var path = Write("gateway.json", TestConfigs.Standard.Replace("\"Timeout\": \"00:00:05\"", "\"Timeout\": \"00:00:30\"", StringComparison.Ordinal)
            .Replace("{UPSTREAM}", upstream.Address, StringComparison.Ordinal));
        var port = GatewayProcess.FreePort();
        using var process = GatewayProcess.Start(["--config", path, "--urls", $"http://127.0.0.1:{port}"]);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await process.WaitUntilReadyAsync(client);

        var slow = client.GetAsync("/api/slow");
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var watch = Stopwatch.StartNew();
        process.Terminate();

        // While the slow request drains, the listener is already closed: a new connection is refused.
        var refused = await NewConnectionRefusedAsync(port, TimeSpan.FromSeconds(2.5));
        Assert.True(refused, "a new connection was still accepted during the drain");
        Assert.False(slow.IsCompleted, "the slow request ended before the drain was observed");

        using var response = await slow;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("finished", await response.Content.ReadAsStringAsync());
        Assert.True(await process.WaitForExitAsync(TimeSpan.FromSeconds(20)), "the gateway did not exit after SIGTERM");
        Assert.Equal(0, process.ExitCode);
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20));
        // The drained request's completion line was held for a later write (Gateway:LogBufferMilliseconds); the exit
        // wrote it.
        await GatewayHost.EventuallyAsync(
            () => process.Output.Any(l => l.Contains("\"Path\":\"/api/slow\"", StringComparison.Ordinal) && l.Contains("\"StatusCode\":200", StringComparison.Ordinal)),
            "the drained request's completion line");
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("/health/live"));
    }

    private static async Task<bool> NewConnectionRefusedAsync(int port, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            using var client = new System.Net.Sockets.TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port);
            }
            catch (System.Net.Sockets.SocketException ex) when (ex.SocketErrorCode == System.Net.Sockets.SocketError.ConnectionRefused)
            {
                return true;
            }
            catch (System.Net.Sockets.SocketException ex) when (ex.SocketErrorCode == System.Net.Sockets.SocketError.ConnectionReset)
            {
                // The listener closed while this connection sat in its accept queue; the next attempt is refused.
            }

            await Task.Delay(50);
        }

        return false;
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_scratch.Path, name);
        File.WriteAllText(path, content);
        return path;
    }
}
