using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text;
using Gateway.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests;

/// <summary>
/// Upstreams that misbehave at the protocol level (raw TCP): each gives the client the right status and payload, or
/// an aborted response where a 200 had already begun, with no leak, in bounded time, and a line or two of log.
/// </summary>
public sealed class UpstreamFaultTests(ITestOutputHelper output)
{
    private static readonly string[] s_leaks = ["NullPointerException", "at com.", "127.0.0.1", "Traceback", "SqlException", "\uFFFD"];

    [Fact]
    public async Task ResetMidBody_ContentLength_ClientSeesAbortedResponse_NotACleanOk()
    {
        using var upstream = RawTcpUpstream.Script(async socket =>
        {
            await RawTcpUpstream.SendAsync(socket, "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: 100000\r\n\r\n");
            await RawTcpUpstream.SendAsync(socket, new byte[10_000]);
            await Task.Delay(200);
            RawTcpUpstream.Reset(socket);
        });
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        var watch = Stopwatch.StartNew();
        var exchange = await RawConnection.ExchangeAsync(gateway.Address, "GET /api/file HTTP/1.1\r\nHost: a\r\n\r\n");

        Assert.Equal(200, exchange.Status);
        Assert.Equal("100000", exchange.Header("Content-Length"));
        Assert.True(exchange.Closed, "the connection was left open after a cut body");
        Assert.True(exchange.Body.Length < 100_000, "the client received a complete body the upstream never sent");
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => gateway.Client.GetByteArrayAsync("/api/file"));
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        AssertQuietLog(gateway, perFailure: 2, failures: 2);
    }

    [Fact]
    public async Task ResetMidBody_Chunked_ClientNeverSeesTheLastChunk()
    {
        using var upstream = RawTcpUpstream.Script(async socket =>
        {
            await RawTcpUpstream.SendAsync(socket, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n400\r\n" + new string('x', 1024) + "\r\n");
            await Task.Delay(200);
            RawTcpUpstream.Reset(socket);
        });
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        var exchange = await RawConnection.ExchangeAsync(gateway.Address, "GET /api/stream HTTP/1.1\r\nHost: a\r\n\r\n");

        Assert.Equal(200, exchange.Status);
        Assert.Equal("chunked", exchange.Header("Transfer-Encoding"));
        Assert.True(exchange.Closed, "the connection was left open after a cut body");
        Assert.DoesNotContain("\r\n0\r\n\r\n", exchange.Body, StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => gateway.Client.GetStringAsync("/api/stream"));
        AssertQuietLog(gateway, perFailure: 2, failures: 2);
    }

    [Theory]
    [InlineData(1, 200)]
    [InlineData(8, 500)]
    public async Task SlowHeaders_WithinTheRouteTimeoutServed_PastItAnswered500InBoundedTime(int delaySeconds, int expected)
    {
        using var upstream = RawTcpUpstream.Script(async socket =>
        {
            await Task.Delay(TimeSpan.FromSeconds(delaySeconds));
            await RawTcpUpstream.SendAsync(socket, "HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nlate");
        });
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        var watch = Stopwatch.StartNew();
        using var response = await gateway.Client.GetAsync("/api/slow");

        if (expected == 200)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("late", await response.Content.ReadAsStringAsync());
            return;
        }

        var json = await Payload.ReadEdFiAsync(response, 500);
        Assert.Contains("in time", json.ToString(), StringComparison.Ordinal);
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(4.5), TimeSpan.FromSeconds(12));
        AssertQuietLog(gateway, perFailure: 2, failures: 1);
    }

    [Fact]
    public async Task SlowBody_AfterPromptHeaders_IsStreamedWhole()
    {
        using var upstream = RawTcpUpstream.Script(async socket =>
        {
            await RawTcpUpstream.SendAsync(socket, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 10\r\n\r\n");
            for (var i = 0; i < 10; i++)
            {
                await Task.Delay(300);
                await RawTcpUpstream.SendAsync(socket, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        });
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        using var response = await gateway.Client.GetAsync("/api/trickle");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("0123456789", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OversizedResponseHeaders_Answered500WithPayload()
    {
        using var upstream = RawTcpUpstream.Script(socket =>
            RawTcpUpstream.SendAsync(socket, "HTTP/1.1 200 OK\r\nX-Huge: " + new string('h', 200_000) + "\r\nContent-Length: 2\r\n\r\nhi"));
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        using var response = await gateway.Client.GetAsync("/api/huge-headers");

        var json = await Payload.ReadEdFiAsync(response, 500);
        Assert.DoesNotContain("hhhh", json.ToString(), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("X-Huge"));
        AssertQuietLog(gateway, perFailure: 2, failures: 1);
    }

    [Fact]
    public async Task HugeErrorBody_PastTheReadBound_GenericPayload_NoLeak_BoundedTime()
    {
        // 8 MB of HTML (the bound is 1 MB) whose stack trace sits past the bound.
        var body = Encoding.ASCII.GetBytes("<html><body>" + new string(' ', 8 * 1024 * 1024) + "java.lang.NullPointerException at com.acme.Db.query(Db.java:42)</body></html>");
        using var upstream = RawTcpUpstream.Script(async socket =>
        {
            await RawTcpUpstream.SendAsync(socket, $"HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/html\r\nContent-Length: {body.Length}\r\n\r\n");
            await RawTcpUpstream.SendAsync(socket, body);
        });
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        var watch = Stopwatch.StartNew();
        using var response = await gateway.Client.GetAsync("/api/huge-error");

        var json = await Payload.ReadEdFiAsync(response, 500);
        AssertNoLeak(json.ToString());
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        Assert.True(response.Content.Headers.ContentLength < 1024);
        AssertQuietLog(gateway, perFailure: 2, failures: 1);
    }

    [Fact]
    public async Task StalledErrorBody_UpstreamStatusWithGenericMessage_AfterTheErrorBodyTimeout()
    {
        using var upstream = RawTcpUpstream.Script(async socket =>
        {
            await RawTcpUpstream.SendAsync(socket, "HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"message\":\"Student 12 at com.acme");
            await Task.Delay(TimeSpan.FromSeconds(20));
        });
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.CatchAll("\"Gateway\": { \"ErrorBodyTimeoutSeconds\": 1 }"), upstream.Address, output);

        var watch = Stopwatch.StartNew();
        using var response = await gateway.Client.GetAsync("/api/stalled-error");

        // Not the cluster's 100 s idle timeout, and not a 502: the upstream did answer 400.
        var json = await Payload.ReadEdFiAsync(response, 400);
        Assert.Equal("The request is not valid.", json.GetProperty("message").GetString());
        AssertNoLeak(json.ToString());
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(8));
        AssertQuietLog(gateway, perFailure: 1, failures: 1);
    }

    // A cluster idle timeout shorter than the error-body timeout cancels YARP's token first: the upstream's 400 stands.
    [Fact]
    public async Task StalledErrorBody_PastAShorterClusterActivityTimeout_UpstreamStatusWithGenericMessage_Not500()
    {
        using var upstream = RawTcpUpstream.Script(async socket =>
        {
            await RawTcpUpstream.SendAsync(socket, "HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"message\":\"Student 12 at com.acme");
            await Task.Delay(TimeSpan.FromSeconds(20));
        });
        const string config = """
            {
              "ReverseProxy": {
                "Routes": { "r": { "ClusterId": "c", "Match": { "Path": "/{**rest}" } } },
                "Clusters": { "c": { "Destinations": { "d": { "Address": "{UPSTREAM}" } }, "HttpRequest": { "ActivityTimeout": "00:00:01" } } }
              }
            }
            """;
        await using var gateway = await GatewayHost.StartAsync(config, upstream.Address, output);

        var watch = Stopwatch.StartNew();
        using var response = await gateway.Client.GetAsync("/api/stalled-error");

        var json = await Payload.ReadEdFiAsync(response, 400);
        Assert.Equal("The request is not valid.", json.GetProperty("message").GetString());
        AssertNoLeak(json.ToString());
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(8));
    }

    [Fact]
    public async Task InvalidUtf8ErrorBody_ValidPayload_NoRawBytes()
    {
        byte[] body = [.. "{\"message\":\"bad name \""u8, 0xFF, 0xFE, 0xC3, .. "\"}"u8];
        using var upstream = RawTcpUpstream.Script(async socket =>
        {
            await RawTcpUpstream.SendAsync(socket, $"HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n");
            await RawTcpUpstream.SendAsync(socket, body);
        });
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        using var response = await gateway.Client.GetAsync("/api/bad-utf8");

        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.DoesNotContain((byte)0xFF, bytes);
        var json = await Payload.ReadEdFiAsync(response, 400);
        AssertNoLeak(json.ToString());
        AssertQuietLog(gateway, perFailure: 2, failures: 1);
    }

    [Theory]
    [InlineData("gzip", true)]
    [InlineData("gzip", false)]
    [InlineData("br", false)]
    public async Task CompressedOrFalselyCompressedErrorBody_GenericPayload_NoLeak_NoContentEncoding(string coding, bool reallyCompressed)
    {
        var plain = Encoding.ASCII.GetBytes("<html><h1>Error</h1><pre>java.lang.NullPointerException\n\tat com.acme.Db.query(Db.java:42)</pre></html>");
        var body = reallyCompressed ? Gzip(plain) : plain;
        using var upstream = RawTcpUpstream.Script(async socket =>
        {
            await RawTcpUpstream.SendAsync(socket, $"HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/html\r\nContent-Encoding: {coding}\r\nContent-Length: {body.Length}\r\n\r\n");
            await RawTcpUpstream.SendAsync(socket, body);
        });
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        using var response = await gateway.Client.GetAsync("/api/compressed-error");

        Assert.Empty(response.Content.Headers.ContentEncoding);
        var json = await Payload.ReadEdFiAsync(response, 500);
        AssertNoLeak(json.ToString());
        AssertQuietLog(gateway, perFailure: 2, failures: 1);
    }

    // Codings listed in one header or in two (a compressing proxy behind the backend): undone last first.
    [Theory]
    [InlineData("Content-Encoding: gzip, gzip\r\n")]
    [InlineData("Content-Encoding: gzip\r\nContent-Encoding: gzip\r\n")]
    public async Task StackedCodingsOnAnErrorBody_Decoded_CleanMessageShown(string codingHeaders)
    {
        var body = Gzip(Gzip("{\"message\":\"Grade must be between 1 and 12.\"}"u8.ToArray()));
        using var upstream = RawTcpUpstream.Script(async socket =>
        {
            await RawTcpUpstream.SendAsync(socket, $"HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\n{codingHeaders}Content-Length: {body.Length}\r\n\r\n");
            await RawTcpUpstream.SendAsync(socket, body);
        });
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        using var response = await gateway.Client.GetAsync("/api/stacked");

        Assert.Empty(response.Content.Headers.ContentEncoding);
        var json = await Payload.ReadEdFiAsync(response, 400);
        Assert.Equal("Grade must be between 1 and 12.", json.GetProperty("message").GetString());
    }

    private static byte[] Gzip(byte[] plain)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(plain);
        }

        return buffer.ToArray();
    }

    private static void AssertNoLeak(string text)
    {
        foreach (var leak in s_leaks)
        {
            Assert.DoesNotContain(leak, text, StringComparison.Ordinal);
        }
    }

    // A failure costs a line or two of warning/error, never a storm (and never a stack trace per retry).
    // HttpClient decodes only chunked: any other transfer coding would reach the client as undecodable bytes under a
    // fresh chunked framing. NGINX answers 502 ("upstream sent unknown Transfer-Encoding"); so does the gateway.
    [Theory]
    [InlineData("gzip")]
    [InlineData("gzip, chunked")]
    public async Task TransferCodingOtherThanChunked_Answered500WithPayload_NotRawBytes(string coding)
    {
        var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write("hello from the legacy service"u8);
        }

        var body = compressed.ToArray();
        var framed = coding.EndsWith("chunked", StringComparison.Ordinal)
            ? [.. Encoding.ASCII.GetBytes($"{body.Length:x}\r\n"), .. body, .. "\r\n0\r\n\r\n"u8]
            : body;
        using var upstream = RawTcpUpstream.Script(async socket =>
        {
            await RawTcpUpstream.SendAsync(socket, $"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: {coding}\r\nConnection: close\r\n\r\n");
            await RawTcpUpstream.SendAsync(socket, framed);
        });
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        using var response = await gateway.Client.GetAsync("/api/te");

        var json = await Payload.ReadEdFiAsync(response, 500);
        Assert.DoesNotContain("gzip", json.ToString(), StringComparison.OrdinalIgnoreCase);
        AssertQuietLog(gateway, perFailure: 2, failures: 1);
    }

    // HttpClient reads any three digits; Kestrel sent "HTTP/1.1 0" on with the raw body. NGINX: "upstream sent invalid status".
    [Theory]
    [InlineData("000", "/api/zero", 500, "\"code\":500")]
    [InlineData("099", "/api/low", 500, "\"code\":500")]
    [InlineData("000", "/v2/api/zero", 502, "\"status\":502")]
    public async Task StatusBelow100_AnsweredProfileServerErrorWithPayload_NotRelayed(string status, string path, int expected, string payloadField)
    {
        using var upstream = RawTcpUpstream.Answer(
            $"HTTP/1.1 {status} Weird\r\nContent-Type: text/plain\r\nContent-Length: 36\r\n\r\njava.lang.NullPointerException at x");
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        var exchange = await RawConnection.ExchangeAsync(gateway.Address, $"GET {path} HTTP/1.1\r\nHost: a\r\n\r\n");

        Assert.Equal(expected, exchange.Status);
        AssertNoLeak(exchange.Body);
        Assert.Contains(payloadField, exchange.Body, StringComparison.Ordinal);
        AssertQuietLog(gateway, perFailure: 2, failures: 1);
    }

    private static void AssertQuietLog(GatewayHost gateway, int perFailure, int failures)
    {
        var loud = gateway.Logs.Lines.Where(l => l.Level >= LogLevel.Warning).ToList();
        Assert.True(loud.Count <= perFailure * failures, "log storm: " + string.Join(" | ", loud.Select(l => l.Message)));
    }
}
