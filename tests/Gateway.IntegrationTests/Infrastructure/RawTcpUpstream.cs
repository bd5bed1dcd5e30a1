using System.Net;
using System.Net.Sockets;

namespace Gateway.IntegrationTests.Infrastructure;

/// <summary>A TCP listener that misbehaves below HTTP: resets connections or answers garbage.</summary>
public sealed class RawTcpUpstream : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();

    private RawTcpUpstream(Func<RawTcpUpstream, Socket, Task> onConnection)
    {
        _listener.Start();
        _ = AcceptLoopAsync(onConnection);
    }

    public string Address => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public int Connections => _connections;

    /// <summary>Request heads read, on all connections.</summary>
    public int Requests => _requests;

    private int _connections;
    private int _requests;

    /// <summary>Reads the request head, then resets the connection (RST) before any response byte.</summary>
    public static RawTcpUpstream ResetBeforeHeaders() => new(async (self, socket) =>
    {
        await self.ReadHeadAsync(socket);
        socket.LingerState = new LingerOption(true, 0);
        socket.Close();
    });

    /// <summary>Sends the given raw bytes after the request head, then closes.</summary>
    public static RawTcpUpstream Answer(string raw) => new(async (self, socket) =>
    {
        await self.ReadHeadAsync(socket);
        await socket.SendAsync(System.Text.Encoding.ASCII.GetBytes(raw));
        socket.Shutdown(SocketShutdown.Both);
        socket.Close();
    });

    /// <summary>
    /// Answers the first request of each connection with a keep-alive 200 (no <c>Connection: close</c>), then reads
    /// the next request on it and closes (or resets) without answering: the race a backend that closes its idle
    /// connections loses, made certain.
    /// </summary>
    public static RawTcpUpstream AnswersOnceThenCloses(bool reset) => new(async (self, socket) =>
    {
        await self.ReadHeadAsync(socket);
        await socket.SendAsync("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 4\r\n\r\npong"u8.ToArray());
        if (!await self.ReadHeadAsync(socket))
        {
            return; // the gateway closed it first
        }

        if (reset)
        {
            Reset(socket);
            return;
        }

        socket.Shutdown(SocketShutdown.Both);
        socket.Close();
    });

    /// <summary>Reads the request head, then runs <paramref name="afterHead"/> on the socket (send, pause, reset).</summary>
    public static RawTcpUpstream Script(Func<Socket, Task> afterHead) => new(async (self, socket) =>
    {
        await self.ReadHeadAsync(socket);
        await afterHead(socket);
    });

    /// <summary>Sends bytes as they are.</summary>
    public static async Task SendAsync(Socket socket, byte[] bytes) => await socket.SendAsync(bytes);

    /// <summary>Sends ASCII text as it is.</summary>
    public static Task SendAsync(Socket socket, string text) => SendAsync(socket, System.Text.Encoding.ASCII.GetBytes(text));

    /// <summary>Ends the connection with a TCP reset (RST) rather than a clean close.</summary>
    public static void Reset(Socket socket)
    {
        socket.LingerState = new LingerOption(true, 0);
        socket.Close();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync(Func<RawTcpUpstream, Socket, Task> onConnection)
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            _ = Task.Run(async () =>
            {
                try
                {
                    await onConnection(this, socket);
                }
                catch (SocketException)
                {
                }
                finally
                {
                    socket.Dispose();
                }
            });
        }
    }

    // Whether a whole request head arrived (false: the peer closed first). Counts the heads read.
    private async Task<bool> ReadHeadAsync(Socket socket)
    {
        var buffer = new byte[8192];
        var seen = new List<byte>();
        while (true)
        {
            var read = await socket.ReceiveAsync(buffer);
            if (read == 0)
            {
                return false;
            }

            seen.AddRange(buffer.AsSpan(0, read).ToArray());
            if (System.Text.Encoding.ASCII.GetString(seen.ToArray()).Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _requests);
                return true;
            }
        }
    }
}
