using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Gateway.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests.Observability;

/// <summary>One trace per request: incoming request → YARP forward → upstream call, W3C traceparent passed on.</summary>
[Collection(ObservabilityTestGroup.Name)]
public sealed class TracingTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ForwardedRequest_UpstreamGetsTraceparentOfGatewaySpans_CorrelationIdTagged()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is "Microsoft.AspNetCore" or "Yarp.ReverseProxy" or "System.Net.Http",
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        await using var upstream = await FakeLegacyUpstream.StartAsync(app => app.MapGet("/api/ping", () => Results.Text("pong")));
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/ping");
        request.Headers.Add("X-Correlation-Id", "trace-test-42");

        using var response = await gateway.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var seen = Assert.Single(upstream.Requests);
        Assert.True(seen.Headers.TryGetValue("traceparent", out var traceparent), "the upstream got no traceparent");
        var parts = traceparent.Split('-');
        Assert.Equal(4, parts.Length);
        Assert.Equal("00", parts[0]);
        var (traceId, parentSpanId) = (parts[1], parts[2]);

        // The gateway's server span carries the correlation id and the same trace id as the upstream call.
        Activity server = null!;
        await GatewayHost.EventuallyAsync(
            () => (server = stopped.FirstOrDefault(a => a.OperationName == "Microsoft.AspNetCore.Hosting.HttpRequestIn"
                && (a.GetTagItem("gateway.correlation_id") as string) == "trace-test-42")!) is not null,
            "the gateway's server span");
        Assert.Equal(traceId, server.TraceId.ToHexString());

        // The upstream's parent is the gateway's HttpClient span, whose parent is YARP's forwarder span, whose parent is the server span.
        var client = Assert.Single(stopped, a => a.Source.Name == "System.Net.Http" && a.SpanId.ToHexString() == parentSpanId);
        var forwarder = Assert.Single(stopped, a => a.Source.Name == "Yarp.ReverseProxy" && a.SpanId == client.ParentSpanId);
        Assert.Equal(server.SpanId, forwarder.ParentSpanId);
        Assert.Equal("api", forwarder.GetTagItem("proxy.route_id"));
        Assert.Equal(traceId, forwarder.TraceId.ToHexString());
    }

    [Fact]
    public async Task CallerTraceparent_IsContinued_NotPassedThroughVerbatim()
    {
        await using var upstream = await FakeLegacyUpstream.StartAsync(app => app.MapGet("/api/ping", () => Results.Text("pong")));
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);
        const string CallerTraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        const string CallerSpanId = "00f067aa0ba902b7";
        // Raw HTTP: any HttpClient in this process would put its own trace context on the request.
        var answer = await RawGetAsync(new Uri(gateway.Address), "/api/ping", $"traceparent: 00-{CallerTraceId}-{CallerSpanId}-01");
        Assert.StartsWith("HTTP/1.1 200", answer, StringComparison.Ordinal);

        var parts = Assert.Single(upstream.Requests).Headers["traceparent"].Split('-');
        Assert.Equal(CallerTraceId, parts[1]);
        Assert.NotEqual(CallerSpanId, parts[2]);
    }

    [Fact]
    public async Task OtlpEndpointSet_SpansArePushedOverHttpProtobuf()
    {
        await using var collector = await FakeLegacyUpstream.StartAsync(app =>
        {
            app.MapPost("/v1/traces", () => Results.Ok());
            app.MapPost("/v1/metrics", () => Results.Ok());
        });
        await using var upstream = await FakeLegacyUpstream.StartAsync(app => app.MapGet("/api/ping", () => Results.Text("pong")));
        var config = TestConfigs.Standard.Replace(
            "\"StripResponseHeaders\"",
            $"\"Observability\": {{ \"OtlpEndpoint\": \"{collector.Address}\", \"OtlpProtocol\": \"HttpProtobuf\" }}, \"StripResponseHeaders\"",
            StringComparison.Ordinal);
        Assert.NotEqual(TestConfigs.Standard, config);
        await using var gateway = await GatewayHost.StartAsync(config, upstream.Address, output);

        using var response = await gateway.Client.GetAsync("/api/ping");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // The batch processor exports every 5 s by default.
        await GatewayHost.EventuallyAsync(() => collector.Requests.Any(r => r.PathAndQuery == "/v1/traces"), "an OTLP trace export", TimeSpan.FromSeconds(30));
        var export = collector.Requests.First(r => r.PathAndQuery == "/v1/traces");
        Assert.Equal("POST", export.Method);
        Assert.Equal("application/x-protobuf", export.Headers["Content-Type"]);
    }

    private static async Task<string> RawGetAsync(Uri address, string path, string header)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port, timeout.Token);
        await using var stream = tcp.GetStream();
        var request = $"GET {path} HTTP/1.1\r\nHost: {address.Authority}\r\n{header}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), timeout.Token);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        return await reader.ReadToEndAsync(timeout.Token);
    }
}
