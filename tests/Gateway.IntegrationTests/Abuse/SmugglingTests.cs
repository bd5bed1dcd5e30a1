using Gateway.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests.Abuse;

/// <summary>
/// Request-smuggling probes: each is refused (400 in payload form, connection closed) or framed one way only, and
/// no request hidden in a body ever reaches the upstream.
/// </summary>
public sealed class SmugglingTests(AbuseGatewayFixture fixture, ITestOutputHelper output) : IClassFixture<AbuseGatewayFixture>
{
    // {M}: the outer request's marker; {S}: the marker of a request hidden in its body.
    public static TheoryData<string, string> RefusedProbes => new()
    {
        { "CL.TE: Content-Length and Transfer-Encoding",
          "POST /api/{M} HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n5c\r\nGET /api/{S} HTTP/1.1\r\nHost: a\r\nContent-Length: 15\r\n\r\nx=1\r\n0\r\n\r\n" },
        { "TE.CL: Transfer-Encoding then Content-Length",
          "POST /api/{M} HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n8\r\nSMUGGLED\r\n0\r\n\r\n" },
        { "Transfer-Encoding in two header lines",
          "POST /api/{M} HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n" },
        { "Transfer-Encoding: chunked, chunked",
          "POST /api/{M} HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n" },
        { "Transfer-Encoding: gzip, chunked",
          "POST /api/{M} HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n" },
        { "CL+TE with a pipelined request behind it",
          "POST /api/{M} HTTP/1.1\r\nHost: a\r\nContent-Length: 6\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /api/{S} HTTP/1.1\r\nHost: a\r\n\r\n" },
        { "chunk-size overflow",
          "POST /api/{M} HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffff1\r\nhello\r\n0\r\n\r\n" },
        { "chunk-size not hex",
          "POST /api/{M} HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n" },
        { "chunk data longer than its size",
          "POST /api/{M} HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nhello\r\n0\r\n\r\n" },
        { "chunk extension with a bare LF",
          "POST /api/{M} HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5;ext\nGET /api/{S} HTTP/1.1\r\n\r\nhello\r\n0\r\n\r\n" },
        { "chunk size ended by a bare LF",
          "POST /api/{M} HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\nhello\r\n0\r\n\r\n" },
    };

    [Theory]
    [MemberData(nameof(RefusedProbes))]
    public async Task Probe_IsRefused_AndNothingSmuggledReachesTheUpstream(string probe, string request)
    {
        var (marker, smuggled) = (NewMarker(), NewMarker());

        var exchange = await RawConnection.ExchangeAsync(fixture.Gateway.Address, Fill(request, marker, smuggled));

        output.WriteLine($"answer: {exchange.Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none, closed"} after {exchange.Elapsed.TotalSeconds:F1} s");
        RejectionAssert.RefusedOrClosed(exchange);
        Assert.InRange(exchange.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        await Task.Delay(200);
        Assert.False(fixture.UpstreamSaw(smuggled), $"{probe}: a hidden request reached the upstream");
        Assert.False(fixture.UpstreamCompleted(marker), $"{probe}: the upstream received the ambiguous request whole");
    }

    [Theory]
    [InlineData("CL+TE", "POST /api/{M} HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")]
    [InlineData("two TE lines", "POST /api/{M} HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")]
    public async Task AmbiguousFraming_IsRefusedByTheGateway_InPayloadForm_NeverForwarded(string probe, string request)
    {
        var marker = NewMarker();

        var exchange = await RawConnection.ExchangeAsync(fixture.Gateway.Address, Fill(request, marker, "unused"));

        RejectionAssert.EdFiPayload(exchange);
        await Task.Delay(100);
        Assert.False(fixture.UpstreamSaw(marker), probe + " reached the upstream");
    }

    // Whitespace around a field value is not part of it (RFC 9110 §5.5): Kestrel reads these as plain "chunked",
    // frames the body one way, and the upstream gets exactly that body, re-framed by the gateway.
    [Theory]
    [InlineData("leading space", "Transfer-Encoding:  chunked")]
    [InlineData("trailing tab", "Transfer-Encoding: chunked\t")]
    [InlineData("upper case", "Transfer-Encoding: CHUNKED")]
    public async Task TransferEncodingWithWhitespaceOrCase_IsFramedOneWayOnly(string probe, string header)
    {
        var (marker, smuggled) = (NewMarker(), NewMarker());
        var request = $"POST /api/{marker} HTTP/1.1\r\nHost: a\r\nConnection: close\r\n{header}\r\n\r\n5\r\nhello\r\n0\r\n\r\nGET /api/{smuggled} HTTP/1.1\r\nHost: a\r\n\r\n";

        var exchange = await RawConnection.ExchangeAsync(fixture.Gateway.Address, request);

        Assert.True(exchange.Status == 200, probe + ": " + exchange.Head);
        Assert.Equal(1, exchange.ResponseCount);
        Assert.Contains("ok 5", exchange.Body, StringComparison.Ordinal);
        await Task.Delay(200);
        Assert.Contains(fixture.CompleteBodies, b => b.Contains(marker, StringComparison.OrdinalIgnoreCase) && b.EndsWith(" 5", StringComparison.Ordinal));
        Assert.False(fixture.UpstreamSaw(smuggled));
    }

    [Fact]
    public async Task LongChunkExtensions_AreRefusedOrClosed_NotForwardedWhole()
    {
        var marker = NewMarker();
        var extension = string.Concat(Enumerable.Repeat(";a=b", 20_000));
        var request = $"POST /api/{marker} HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5{extension}\r\nhello\r\n0\r\n\r\n";

        var exchange = await RawConnection.ExchangeAsync(fixture.Gateway.Address, request);

        // Kestrel bounds a chunk extension by the body limit: 80 KB of it on a 4 KB body is over.
        output.WriteLine($"answer: {exchange.Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none, closed"} after {exchange.Elapsed.TotalSeconds:F1} s");
        RejectionAssert.RefusedOrClosed(exchange);
        await Task.Delay(200);
        Assert.False(fixture.UpstreamCompleted(marker));
    }

    [Fact]
    public async Task ValidPipelinedRequests_AreEachForwardedOnce()
    {
        var (first, second) = (NewMarker(), NewMarker());
        var request = $"POST /api/{first} HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhelloGET /api/{second} HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n";

        var exchange = await RawConnection.ExchangeAsync(fixture.Gateway.Address, request);

        Assert.Equal(2, exchange.ResponseCount);
        Assert.Single(fixture.CompleteBodies, b => b.Contains(first, StringComparison.OrdinalIgnoreCase));
        Assert.Single(fixture.CompleteBodies, b => b.Contains(second, StringComparison.OrdinalIgnoreCase));
    }

    private static string Fill(string request, string marker, string smuggled) =>
        request.Replace("{M}", marker, StringComparison.Ordinal).Replace("{S}", smuggled, StringComparison.Ordinal);

    private static string NewMarker() => "m" + Guid.NewGuid().ToString("N")[..12];
}
