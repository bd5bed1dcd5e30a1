using Gateway.IntegrationTests.Infrastructure;

namespace Gateway.IntegrationTests.Abuse;

/// <summary>
/// Kestrel's size limits from the config file, probed at the limit and one byte over: accepted at the limit,
/// the standard 400 (Kestrel's 414/431/413 mapped by the Ed-Fi profile) one byte over, never forwarded.
/// </summary>
public sealed class SizeLimitTests(AbuseGatewayFixture fixture) : IClassFixture<AbuseGatewayFixture>
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task RequestLine_AtLimitAccepted_OneByteOverRefused(int over)
    {
        var marker = NewMarker();
        // Kestrel counts the request line with its CRLF.
        var fixedPart = $"GET /api/{marker}? HTTP/1.1\r\n".Length;
        var query = new string('q', AbuseGatewayFixture.MaxRequestLineSize - fixedPart + over);
        var request = $"GET /api/{marker}?{query} HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n";

        var exchange = await RawConnection.ExchangeAsync(fixture.Gateway.Address, request);

        await AssertAcceptedOrRefusedAsync(exchange, over, marker);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task OneLargeHeader_AtTotalLimitAccepted_OneByteOverRefused(int over)
    {
        var marker = NewMarker();
        // Kestrel counts every header line with its CRLF; the blank line that ends the head is extra.
        const string Others = "Host: a\r\nConnection: close\r\n";
        var padding = AbuseGatewayFixture.MaxRequestHeadersTotalSize - Others.Length - "X-Pad: \r\n".Length + over;
        var request = $"GET /api/{marker} HTTP/1.1\r\n{Others}X-Pad: {new string('p', padding)}\r\n\r\n";

        var exchange = await RawConnection.ExchangeAsync(fixture.Gateway.Address, request);

        await AssertAcceptedOrRefusedAsync(exchange, over, marker);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task ManyHeaders_AtTotalLimitAccepted_OneByteOverRefused(int over)
    {
        var marker = NewMarker();
        const string Others = "Host: a\r\nConnection: close\r\n";
        var lines = new List<string>();
        var remaining = AbuseGatewayFixture.MaxRequestHeadersTotalSize - Others.Length + over;
        for (var i = 0; remaining > 0; i++)
        {
            var name = $"X-H{i:D2}: ";
            var valueLength = Math.Min(90, remaining - name.Length - 2);
            lines.Add(name + new string('v', valueLength) + "\r\n");
            remaining -= name.Length + valueLength + 2;
        }

        Assert.True(lines.Count < AbuseGatewayFixture.MaxRequestHeaderCount - 2);
        var request = $"GET /api/{marker} HTTP/1.1\r\n{Others}{string.Concat(lines)}\r\n";

        var exchange = await RawConnection.ExchangeAsync(fixture.Gateway.Address, request);

        await AssertAcceptedOrRefusedAsync(exchange, over, marker);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task HeaderCount_AtLimitAccepted_OneOverRefused(int over)
    {
        var marker = NewMarker();
        var extra = AbuseGatewayFixture.MaxRequestHeaderCount - 2 + over;
        var lines = string.Concat(Enumerable.Range(0, extra).Select(i => $"X-C{i}: v\r\n"));
        var request = $"GET /api/{marker} HTTP/1.1\r\nHost: a\r\nConnection: close\r\n{lines}\r\n";

        var exchange = await RawConnection.ExchangeAsync(fixture.Gateway.Address, request);

        await AssertAcceptedOrRefusedAsync(exchange, over, marker);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task ContentLengthBody_AtLimitAccepted_OneByteOverRefusedBeforeForwarding(int over)
    {
        var marker = NewMarker();
        var length = AbuseGatewayFixture.MaxRequestBodySize + over;
        var request = $"POST /api/{marker} HTTP/1.1\r\nHost: a\r\nConnection: close\r\nContent-Length: {length}\r\n\r\n{new string('b', length)}";

        var exchange = await RawConnection.ExchangeAsync(fixture.Gateway.Address, request);

        await AssertAcceptedOrRefusedAsync(exchange, over, marker);
        if (over == 0)
        {
            Assert.Contains($"ok {length}", exchange.Body, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task ChunkedBody_AtLimitForwarded_OneByteOverNeverCompletesUpstream(int over)
    {
        var marker = NewMarker();
        // Kestrel counts a chunked body as it arrives, framing included: "ff4\r\n" + data + "\r\n" + "0\r\n\r\n".
        var length = AbuseGatewayFixture.MaxRequestBodySize - 5 - 2 - 5 + over;
        var request = $"POST /api/{marker} HTTP/1.1\r\nHost: a\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n"
            + $"{length:x}\r\n{new string('b', length)}\r\n0\r\n\r\n";
        Assert.Equal(3, $"{length:x}".Length);

        var exchange = await RawConnection.ExchangeAsync(fixture.Gateway.Address, request);

        if (over == 0)
        {
            Assert.Equal(200, exchange.Status);
            Assert.True(fixture.UpstreamCompleted(marker));
            return;
        }

        // A chunked body's size is known only while it streams: the upstream may see the request start, never its end.
        RejectionAssert.EdFiPayload(exchange);
        await Task.Delay(200);
        Assert.False(fixture.UpstreamCompleted(marker));
    }

    private async Task AssertAcceptedOrRefusedAsync(RawExchange exchange, int over, string marker)
    {
        if (over == 0)
        {
            Assert.True(exchange.Status == 200, "refused at the limit: " + exchange.Head);
            Assert.True(fixture.UpstreamCompleted(marker));
            return;
        }

        RejectionAssert.EdFiPayload(exchange);
        await Task.Delay(100);
        Assert.False(fixture.UpstreamSaw(marker));
    }

    private static string NewMarker() => "m" + Guid.NewGuid().ToString("N")[..12];
}
