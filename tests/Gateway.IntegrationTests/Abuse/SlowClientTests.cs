using System.Diagnostics;
using System.Text;
using Gateway.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests.Abuse;

/// <summary>
/// Clients that hold a connection without finishing: slow headers (slowloris), a slow body (slow POST), and a
/// client that never reads its answer. Each is cut off in bounded time and nobody else waits for it.
/// </summary>
public sealed class SlowClientTests(AbuseGatewayFixture fixture, ITestOutputHelper output) : IClassFixture<AbuseGatewayFixture>
{
    [Fact]
    public async Task Slowloris_HeadersTrickledPastTheHeadersTimeout_ClosedInBoundedTime()
    {
        var marker = "m" + Guid.NewGuid().ToString("N")[..12];
        var parts = new List<byte[]> { Encoding.ASCII.GetBytes($"GET /api/{marker} HTTP/1.1\r\nHost: a\r\n") };
        parts.AddRange(Enumerable.Range(0, 40).Select(i => Encoding.ASCII.GetBytes($"X-Slow-{i}: v\r\n")));

        // One header line every 500 ms: 20 s if the server let it run; the headers timeout is 2 s.
        var exchange = await RawConnection.ExchangeAsync(fixture.Gateway.Address, parts, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(20));

        Assert.True(exchange.Closed, "the slow client was never cut off");
        Assert.InRange(exchange.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(8));
        output.WriteLine($"answer: {exchange.Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none, closed"} after {exchange.Elapsed.TotalSeconds:F1} s");
        RejectionAssert.RefusedOrClosed(exchange);
        Assert.False(fixture.UpstreamSaw(marker));
    }

    [Fact]
    public async Task SlowPost_BodyBelowTheMinimumRate_ClosedInBoundedTime_UpstreamNeverGetsItWhole()
    {
        var marker = "m" + Guid.NewGuid().ToString("N")[..12];
        var parts = new List<byte[]> { Encoding.ASCII.GetBytes($"POST /api/{marker} HTTP/1.1\r\nHost: a\r\nContent-Length: 1000\r\n\r\n") };
        // 10 bytes a second against a minimum of 100 bytes a second after a 2 s grace period.
        parts.AddRange(Enumerable.Range(0, 100).Select(_ => new byte[10]));

        var exchange = await RawConnection.ExchangeAsync(fixture.Gateway.Address, parts, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

        Assert.True(exchange.Closed, "the slow body was never cut off");
        Assert.InRange(exchange.Elapsed, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(12));
        output.WriteLine($"answer: {exchange.Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none, closed"} after {exchange.Elapsed.TotalSeconds:F1} s");
        RejectionAssert.RefusedOrClosed(exchange);
        Assert.False(fixture.UpstreamCompleted(marker));
    }

    [Fact]
    public async Task ClientThatNeverReads_IsBackPressured_AndOthersAreStillServed()
    {
        var before = fixture.BigBytesWritten;
        using var stalled = await RawConnection.ConnectAsync(fixture.Gateway.Address);
        await stalled.GetStream().WriteAsync(Encoding.ASCII.GetBytes("GET /api/big HTTP/1.1\r\nHost: a\r\n\r\n"));

        // The upstream offers 64 MB; with nobody reading, only socket and pipe buffers can fill (memory stays bounded).
        await GatewayHost.EventuallyAsync(() => fixture.BigBytesWritten - before > 0, "the upstream to start writing");
        await Task.Delay(TimeSpan.FromSeconds(3));
        var written = fixture.BigBytesWritten - before;

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 5; i++)
        {
            using var response = await fixture.Gateway.Client.GetAsync($"/api/other-{i}");
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }

        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        // What the upstream could write is what sits in socket and pipe buffers: the gateway holds no copy of it.
        // (The process's heap is shared with tests running in parallel, so it is not a usable measure here.)
        output.WriteLine($"upstream wrote {written / 1048576.0:F1} MB of 64 MB while the client read nothing");
        Assert.InRange(written, 1, 24L * 1024 * 1024);
    }
}
