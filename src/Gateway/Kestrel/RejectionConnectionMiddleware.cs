using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;

namespace Gateway.Kestrel;

/// <summary>
/// Kestrel connection middleware: puts a <see cref="RejectionRewritingPipeWriter"/> between Kestrel's HTTP/1.x
/// output and the socket, so Kestrel's own rejections leave in the gateway's payload form.
/// </summary>
internal sealed class RejectionConnectionMiddleware(ConnectionDelegate next, RejectionAnswer answer)
{
    public async Task OnConnectionAsync(ConnectionContext connection)
    {
        var transport = connection.Transport;
        var pending = new PendingRejection();
        connection.Features.Set(pending);
        connection.Transport = new Pipe(transport.Input, new RejectionRewritingPipeWriter(transport.Output, pending, answer));
        try
        {
            await next(connection);
        }
        finally
        {
            connection.Transport = transport;
        }
    }

    private sealed class Pipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}
