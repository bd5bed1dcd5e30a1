using System.Net.Sockets;
using System.Text;

namespace Gateway.IntegrationTests.Infrastructure;

/// <summary>Sends a request byte for byte (HttpClient folds repeated headers into one line) and reads the answer head.</summary>
public static class RawHttp
{
    public static async Task<(int Status, string Head)> SendAsync(string baseAddress, string requestHead, CancellationToken cancellationToken)
    {
        var uri = new Uri(baseAddress);
        using var client = new TcpClient();
        await client.ConnectAsync(uri.Host, uri.Port, cancellationToken);
        await using var stream = client.GetStream();
        var request = requestHead.ReplaceLineEndings("\r\n").TrimEnd() + "\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), cancellationToken);

        using var reader = new StreamReader(stream, Encoding.ASCII);
        var response = await reader.ReadToEndAsync(cancellationToken);
        var head = response.Split("\r\n\r\n", 2)[0];
        var status = int.Parse(head.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
        return (status, head);
    }
}
