using System.Text;
using Gateway.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests;

/// <summary>
/// Legacy servers put raw Latin-1 or UTF-8 bytes in header values (a download's file name). HttpClient's default ASCII
/// refused them and a good 200 became a 500; they now reach the client as the same bytes.
/// </summary>
public sealed class UpstreamHeaderBytesTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("iso-8859-1")]
    [InlineData("utf-8")]
    public async Task NonAsciiResponseHeaderBytes_ReachTheClientUnchanged(string charset)
    {
        var name = Encoding.GetEncoding(charset).GetBytes("élève-12.pdf");
        byte[] answer =
        [
            .. "HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=\""u8,
            .. name,
            .. "\"\r\nContent-Length: 4\r\n\r\n%PDF"u8,
        ];
        using var upstream = RawTcpUpstream.Script(async socket =>
        {
            await RawTcpUpstream.SendAsync(socket, answer);
            socket.Close();
        });
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        var exchange = await RawConnection.ExchangeAsync(gateway.Address, "GET /api/report HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");

        Assert.Equal(200, exchange.Status);
        Assert.Equal("%PDF", exchange.Body);
        var sent = Encoding.Latin1.GetBytes($"attachment; filename=\"{Encoding.Latin1.GetString(name)}\"");
        Assert.Equal(sent, Encoding.Latin1.GetBytes(exchange.Header("Content-Disposition")!));
    }
}
