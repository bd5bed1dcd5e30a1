using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Gateway.IntegrationTests.Infrastructure;

/// <summary>What came back on one raw connection: every byte until the server closed it (or the wait ran out).</summary>
public sealed record RawExchange(byte[] Bytes, bool Closed, TimeSpan Elapsed)
{
    public string Text => Encoding.Latin1.GetString(Bytes);

    /// <summary>The first response's head, or empty when nothing came.</summary>
    public string Head => Text.Split("\r\n\r\n", 2)[0];

    /// <summary>The first response's body (everything after its head).</summary>
    public string Body => Text.Contains("\r\n\r\n", StringComparison.Ordinal) ? Text.Split("\r\n\r\n", 2)[1] : "";

    /// <summary>The first response's status, or null when the server answered nothing.</summary>
    public int? Status => Head.StartsWith("HTTP/1.1 ", StringComparison.Ordinal)
        ? int.Parse(Head.AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture)
        : null;

    /// <summary>How many response heads the server wrote on the connection.</summary>
    public int ResponseCount => Text.Split("HTTP/1.1 ").Length - 1;

    public string? Header(string name) => Head.Split("\r\n")
        .Where(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
        .Select(l => l[(name.Length + 1)..].Trim())
        .FirstOrDefault();

    /// <summary>Every field line of that name, in order.</summary>
    public IReadOnlyList<string> Headers(string name) => Head.Split("\r\n")
        .Where(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
        .Select(l => l[(name.Length + 1)..].Trim())
        .ToList();
}

/// <summary>Raw TCP exchanges with the gateway: bytes exactly as written, pauses between parts, no reading at all.</summary>
public static class RawConnection
{
    /// <summary>Sends <paramref name="request"/> (CRLFs as written) and reads until the server closes or the wait ends.</summary>
    public static Task<RawExchange> ExchangeAsync(string baseAddress, string request, TimeSpan? wait = null) =>
        ExchangeAsync(baseAddress, [Encoding.Latin1.GetBytes(request)], TimeSpan.Zero, wait);

    /// <summary>Sends the parts with a pause between them (a slow client), then reads until close or the wait ends.</summary>
    public static async Task<RawExchange> ExchangeAsync(string baseAddress, IReadOnlyList<byte[]> parts, TimeSpan pause, TimeSpan? wait = null)
    {
        var uri = new Uri(baseAddress);
        using var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(uri.Host, uri.Port);
        var stream = client.GetStream();
        var watch = Stopwatch.StartNew();
        using var cts = new CancellationTokenSource(wait ?? TimeSpan.FromSeconds(15));
        var received = new MemoryStream();
        var reading = ReadAllAsync(stream, received, cts.Token);
        foreach (var part in parts)
        {
            try
            {
                await stream.WriteAsync(part, cts.Token);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
            {
                break; // the server closed on us mid-request: that is an answer too
            }

            if (pause > TimeSpan.Zero)
            {
                if (reading.IsCompleted)
                {
                    break;
                }

                await Task.Delay(pause);
            }
        }

        var closed = await reading;
        return new RawExchange(received.ToArray(), closed, watch.Elapsed);
    }

    /// <summary>Connects and reads nothing, as a client that stalls; the caller disposes the client.</summary>
    public static async Task<TcpClient> ConnectAsync(string baseAddress, int receiveBuffer = 4096)
    {
        var uri = new Uri(baseAddress);
        var client = new TcpClient { ReceiveBufferSize = receiveBuffer };
        await client.ConnectAsync(uri.Host, uri.Port);
        return client;
    }

    private static async Task<bool> ReadAllAsync(NetworkStream stream, MemoryStream into, CancellationToken token)
    {
        var buffer = new byte[8192];
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(buffer, token);
                if (read == 0)
                {
                    return true;
                }

                into.Write(buffer, 0, read);
            }
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (IOException)
        {
            return true; // reset by the server
        }
    }
}
