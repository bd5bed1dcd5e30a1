using System.Net;
using System.Net.Sockets;
using System.Text;
using Gateway.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests.Observability;

/// <summary>
/// Tracing on without an exporter (the default): no span is recorded, but the upstream still gets a traceparent with
/// the gateway's span and the sampling decision an exporter would have made. Never in parallel with other tests:
/// <see cref="TracingTests"/> adds a process-wide listener that records everything.
/// </summary>
[Collection(ObservabilityTestGroup.Name)]
public sealed class TraceContextTests(ITestOutputHelper output)
{
    private const string CallerTraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    private const string CallerSpanId = "00f067aa0ba902b7";

    [Theory]
    [InlineData("01")]
    [InlineData("00")]
    public async Task CallerTraceparent_ItsSampledFlagReachesTheUpstream_WithTheGatewaysSpan(string flags)
    {
        await using var upstream = await FakeLegacyUpstream.StartAsync(app => app.MapGet("/api/ping", () => Results.Text("pong")));
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        var answer = await RawGetAsync(new Uri(gateway.Address), $"traceparent: 00-{CallerTraceId}-{CallerSpanId}-{flags}");

        Assert.StartsWith("HTTP/1.1 200", answer, StringComparison.Ordinal);
        var parts = Assert.Single(upstream.Requests).Headers["traceparent"].Split('-');
        Assert.Equal(CallerTraceId, parts[1]);
        Assert.NotEqual(CallerSpanId, parts[2]);
        Assert.Equal(flags, parts[3]);
    }

    [Fact]
    public async Task NoCallerTrace_NewTraceIsSampled_AtTheDefaultRatio()
    {
        await using var upstream = await FakeLegacyUpstream.StartAsync(app => app.MapGet("/api/ping", () => Results.Text("pong")));
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        var answer = await RawGetAsync(new Uri(gateway.Address), "X-Correlation-Id: no-caller-trace");

        Assert.StartsWith("HTTP/1.1 200", answer, StringComparison.Ordinal);
        var parts = Assert.Single(upstream.Requests).Headers["traceparent"].Split('-');
        Assert.Equal(4, parts.Length);
        Assert.NotEqual(new string('0', 32), parts[1]);
        Assert.Equal("01", parts[3]);
    }

    /// <summary>Its own process: any other gateway host in this one would mark new traces sampled at its own ratio.</summary>
    [Fact]
    public async Task SampleRatioZero_NewTraceIsPropagatedUnsampled()
    {
        await using var upstream = await FakeLegacyUpstream.StartAsync(app => app.MapGet("/api/ping", () => Results.Text("pong")));
        var directory = Directory.CreateTempSubdirectory("gateway-trace-").FullName;
        try
        {
            var config = TestConfigs.Standard
                .Replace("\"StripResponseHeaders\"", "\"Observability\": { \"TraceSampleRatio\": 0 }, \"StripResponseHeaders\"", StringComparison.Ordinal)
                .Replace("{UPSTREAM}", upstream.Address, StringComparison.Ordinal);
            Assert.Contains("TraceSampleRatio", config, StringComparison.Ordinal);
            var path = Path.Combine(directory, "gateway.json");
            await File.WriteAllTextAsync(path, config);
            var port = GatewayProcess.FreePort();
            using var process = GatewayProcess.Start(["--config", path, "--urls", $"http://127.0.0.1:{port}"]);
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            await process.WaitUntilReadyAsync(client);

            // Raw HTTP here too: an in-process HttpClient may start a sampled trace of its own.
            var answer = await RawGetAsync(client.BaseAddress!, "X-Correlation-Id: ratio-zero");

            Assert.StartsWith("HTTP/1.1 200", answer, StringComparison.Ordinal);
            var parts = Assert.Single(upstream.Requests).Headers["traceparent"].Split('-');
            Assert.Equal(4, parts.Length);
            Assert.Equal("00", parts[3]);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    // Raw HTTP: an HttpClient in this process would put its own trace context on the request.
    private static async Task<string> RawGetAsync(Uri address, string header)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port, timeout.Token);
        await using var stream = tcp.GetStream();
        var request = $"GET /api/ping HTTP/1.1\r\nHost: {address.Authority}\r\n{header}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), timeout.Token);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        return await reader.ReadToEndAsync(timeout.Token);
    }
}
