using Gateway.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Gateway.IntegrationTests.Abuse;

/// <summary>
/// Requests Kestrel itself refuses before the pipeline runs: its bare answer (empty body) leaves as the standard
/// payload in the default profile's form, the connection closes, and the upstream never hears of them.
/// </summary>
public sealed class MalformedRequestTests(AbuseGatewayFixture fixture) : IClassFixture<AbuseGatewayFixture>
{
    // {M} stands for a marker unique to the test case, so the upstream's record can be searched for it.
    public static TheoryData<string, string> Probes => new()
    {
        { "no version in the request line", "GET /api/{M}\r\nHost: a\r\n\r\n" },
        { "three spaces in the request line", "GET  /api/{M} HTTP/1.1\r\nHost: a\r\n\r\n" },
        { "non-ASCII in the target", "GET /api/{M}\xe9 HTTP/1.1\r\nHost: a\r\n\r\n" },
        { "invalid method token", "G(T /api/{M} HTTP/1.1\r\nHost: a\r\n\r\n" },
        { "HTTP/1.1 without Host", "GET /api/{M} HTTP/1.1\r\n\r\n" },
        { "two Host headers", "GET /api/{M} HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n" },
        { "space before colon", "GET /api/{M} HTTP/1.1\r\nHost: a\r\nX-A : b\r\n\r\n" },
        { "obs-fold continuation line", "GET /api/{M} HTTP/1.1\r\nHost: a\r\nX-A: b\r\n c\r\n\r\n" },
        { "header line without colon", "GET /api/{M} HTTP/1.1\r\nHost: a\r\nX-A b\r\n\r\n" },
        { "NUL in a header value", "GET /api/{M} HTTP/1.1\r\nHost: a\r\nX-A: b\0c\r\n\r\n" },
        { "bare CR in a header", "GET /api/{M} HTTP/1.1\r\nHost: a\r\nX-A: b\rc\r\n\r\n" },
        { "Content-Length not a number", "POST /api/{M} HTTP/1.1\r\nHost: a\r\nContent-Length: abc\r\n\r\n" },
        { "negative Content-Length", "POST /api/{M} HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n" },
        { "duplicate Content-Length, different values", "POST /api/{M} HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!" },
        { "duplicate Content-Length, same value", "POST /api/{M} HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\nhello" },
        { "Content-Length list", "POST /api/{M} HTTP/1.1\r\nHost: a\r\nContent-Length: 5, 5\r\n\r\nhello" },
        { "Transfer-Encoding: chunked, identity", "POST /api/{M} HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, identity\r\n\r\n5\r\nhello\r\n0\r\n\r\n" },
        { "Transfer-Encoding: xchunked", "POST /api/{M} HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: xchunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n" },
        { "Transfer-Encoding: identity", "POST /api/{M} HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: identity\r\n\r\nhello" },
        { "unknown HTTP version", "GET /api/{M} HTTP/1.7\r\nHost: a\r\n\r\n" },
    };

    [Theory]
    [MemberData(nameof(Probes))]
    public async Task Probe_AnswersPayload400_ClosesConnection_UpstreamSeesNothing(string probe, string request)
    {
        var marker = "m" + Guid.NewGuid().ToString("N")[..12];

        var exchange = await RawConnection.ExchangeAsync(fixture.Gateway.Address, request.Replace("{M}", marker, StringComparison.Ordinal));

        Assert.True(exchange.Status is not null, $"{probe}: no answer");
        RejectionAssert.EdFiPayload(exchange);
        Assert.InRange(exchange.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        await Task.Delay(100);
        Assert.False(fixture.UpstreamSaw(marker), $"{probe}: reached the upstream");
    }

    [Fact]
    public async Task KestrelRejection_IsLoggedOnce_WithItsCorrelationId()
    {
        var before = fixture.Gateway.Logs.Lines.Count;

        var exchange = await RawConnection.ExchangeAsync(fixture.Gateway.Address, "GET /api/x HTTP/1.1\r\nHost: a\r\nX-A : b\r\n\r\n");

        var json = RejectionAssert.EdFiPayload(exchange);
        var id = json.GetProperty("correlationId").GetString()!;
        await GatewayHost.EventuallyAsync(() => fixture.Gateway.Logs.Lines.Any(l => l.Message.Contains(id, StringComparison.Ordinal)), "the rejection's log line");
        var lines = fixture.Gateway.Logs.Lines.Skip(before).Where(l => l.Level >= LogLevel.Information && !l.Category.StartsWith("Microsoft.AspNetCore.Server.Kestrel", StringComparison.Ordinal)).ToList();
        Assert.InRange(lines.Count, 1, 2);
        Assert.DoesNotContain(lines, l => l.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task NormalTraffic_OnTheSameConnection_KeepsAlive_AndIsNotRewritten()
    {
        var marker = "m" + Guid.NewGuid().ToString("N")[..12];
        var request = $"GET /api/{marker}-1 HTTP/1.1\r\nHost: a\r\n\r\nGET /api/{marker}-2 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n";

        var exchange = await RawConnection.ExchangeAsync(fixture.Gateway.Address, request);

        Assert.Equal(200, exchange.Status);
        Assert.Equal(2, exchange.ResponseCount);
        Assert.Equal(2, exchange.Text.Split("ok 0").Length - 1);
        Assert.True(fixture.UpstreamCompleted(marker + "-2"));
    }

    [Fact]
    public async Task ValidRequest_ThenMalformedOne_OnOneConnection_FirstAnswered_SecondRefusedInPayloadForm()
    {
        var marker = "m" + Guid.NewGuid().ToString("N")[..12];
        var request = $"GET /api/{marker}-ok HTTP/1.1\r\nHost: a\r\n\r\nGET /api/{marker}-bad HTTP/1.1\r\nHost: a\r\nX-A : b\r\n\r\n";

        var exchange = await RawConnection.ExchangeAsync(fixture.Gateway.Address, request);

        Assert.Equal(200, exchange.Status);
        Assert.Equal(2, exchange.ResponseCount);
        var second = exchange.Text[exchange.Text.IndexOf("HTTP/1.1 ", 9, StringComparison.Ordinal)..];
        var secondExchange = new RawExchange(System.Text.Encoding.Latin1.GetBytes(second), exchange.Closed, exchange.Elapsed);
        RejectionAssert.EdFiPayload(secondExchange);
        Assert.True(fixture.UpstreamCompleted(marker + "-ok"));
        Assert.False(fixture.UpstreamSaw(marker + "-bad"));
    }
}
