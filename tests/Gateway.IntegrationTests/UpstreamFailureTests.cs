using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Gateway.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests;

/// <summary>Upstream refused, reset or too slow: the profile's 5xx with payload, never a raw exception.</summary>
public sealed class UpstreamFailureTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("/api/students", 500, false)]
    [InlineData("/v2/api/students", 502, true)]
    public async Task ConnectionRefused_AnswersProfileServerError(string path, int expected, bool problemDetails)
    {
        var closedPort = ClosedLoopbackPort();
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, $"http://127.0.0.1:{closedPort}", output);

        using var response = await gateway.Client.GetAsync(path);

        var json = problemDetails ? await Payload.ReadProblemAsync(response, expected) : await Payload.ReadEdFiAsync(response, expected);
        var text = json.ToString();
        Assert.DoesNotContain("refused", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("127.0.0.1", text, StringComparison.Ordinal);
        Assert.Contains(gateway.Logs.Lines, l => l.Message.Contains("Upstream request failed", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/api/students", 500, false)]
    [InlineData("/v2/api/students", 502, true)]
    public async Task ResetBeforeHeaders_AnswersProfileServerError(string path, int expected, bool problemDetails)
    {
        using var upstream = RawTcpUpstream.ResetBeforeHeaders();
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        using var response = await gateway.Client.GetAsync(path);

        _ = problemDetails ? await Payload.ReadProblemAsync(response, expected) : await Payload.ReadEdFiAsync(response, expected);
        Assert.True(upstream.Connections >= 1);
    }

    [Fact]
    public async Task GarbageStatusLine_AnswersServerErrorWithPayload()
    {
        using var upstream = RawTcpUpstream.Answer("HTTP/1.1 abc Totally Broken\r\nContent-Length: 2\r\n\r\nhi");
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        using var response = await gateway.Client.GetAsync("/api/students");

        var json = await Payload.ReadEdFiAsync(response, 500);
        Assert.DoesNotContain("Broken", json.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/slow", 500, false)]
    [InlineData("/v2/api/slow", 504, true)]
    public async Task UpstreamSlowerThanRouteTimeout_AnswersInBoundedTime(string path, int expected, bool problemDetails)
    {
        await using var upstream = await FakeLegacyUpstream.StartAsync(app =>
            app.MapGet("/api/slow", async (HttpContext c) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(20), c.RequestAborted);
                return "late";
            }));
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        var watch = Stopwatch.StartNew();
        using var response = await gateway.Client.GetAsync(path);
        watch.Stop();

        var json = problemDetails ? await Payload.ReadProblemAsync(response, expected) : await Payload.ReadEdFiAsync(response, expected);
        Assert.Contains("in time", json.ToString(), StringComparison.Ordinal);
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(4.5), TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task LargeSuccessBody_IsNotCutByRouteTimeout()
    {
        // The route timeout (5 s) bounds the wait for headers; a slow body after them (6 s) must complete.
        await using var upstream = await FakeLegacyUpstream.StartAsync(app =>
            app.MapGet("/api/download", async (HttpContext c) =>
            {
                c.Response.ContentType = "application/octet-stream";
                await c.Response.StartAsync();
                for (var i = 0; i < 12; i++)
                {
                    await c.Response.Body.WriteAsync(new byte[1024]);
                    await c.Response.Body.FlushAsync();
                    await Task.Delay(500);
                }
            }));
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        using var response = await gateway.Client.GetAsync("/api/download");
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(12 * 1024, body.Length);
    }

    private static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
