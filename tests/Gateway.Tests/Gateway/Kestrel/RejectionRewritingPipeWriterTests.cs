using System.Buffers;
using System.Collections.Frozen;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Gateway.Configuration;
using Gateway.Kestrel;
using Gateway.Transforms.Errors;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Tests.Gateway.Kestrel;

public sealed class RejectionRewritingPipeWriterTests
{
    private const string KestrelRejection = "HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Length: 0\r\nConnection: close\r\nDate: Sun, 06 Dec 2026 06:00:00 GMT\r\n\r\n";

    [Fact]
    public async Task NothingPending_BytesPassThroughUntouched()
    {
        var (writer, pipe, _) = Build();

        await WriteAsync(writer, KestrelRejection);

        Assert.Equal(KestrelRejection, await ReadAllAsync(writer, pipe));
    }

    [Fact]
    public async Task Pending_KestrelsRejection_IsReplacedByThePayload()
    {
        var (writer, pipe, pending) = Build();
        pending.Mark(isHead: false);

        await WriteAsync(writer, KestrelRejection);
        var text = await ReadAllAsync(writer, pipe);

        Assert.StartsWith("HTTP/1.1 400 Bad Request\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nContent-Type: application/json\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nCache-Control: no-store\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nConnection: close\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nDate: Sun, 06 Dec 2026 06:00:00 GMT\r\n", text, StringComparison.Ordinal);
        var body = text.Split("\r\n\r\n", 2)[1];
        Assert.Contains($"\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n", text, StringComparison.Ordinal);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal(400, json.GetProperty("code").GetInt32());
        Assert.Equal("The request headers are too large.", json.GetProperty("message").GetString());
        Assert.Contains($"\r\nX-Correlation-Id: {json.GetProperty("correlationId").GetString()}\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pending_HeadSplitOverSeveralWrites_IsStillReplaced()
    {
        var (writer, pipe, pending) = Build();
        pending.Mark(isHead: false);

        foreach (var part in KestrelRejection.Chunk(7))
        {
            Write(writer, new string(part));
        }

        await writer.FlushAsync();

        Assert.StartsWith("HTTP/1.1 400 Bad Request\r\n", await ReadAllAsync(writer, pipe), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pending_HeadRequest_GetsNoBody()
    {
        var (writer, pipe, pending) = Build();
        pending.Mark(isHead: true);

        await WriteAsync(writer, KestrelRejection);
        var text = await ReadAllAsync(writer, pipe);

        Assert.EndsWith("\r\n\r\n", text, StringComparison.Ordinal);
        Assert.Contains("Content-Length: ", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("HTTP/1.1 400 Bad Request\r\nContent-Length: 20\r\nX-Correlation-Id: abc\r\n\r\n{\"code\":400,\"x\":1}  ")]
    [InlineData("body bytes of a response already under way")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi")]
    public async Task Pending_AnythingButKestrelsRejection_PassesThroughUntouched(string bytes)
    {
        var (writer, pipe, pending) = Build();
        pending.Mark(isHead: false);

        await WriteAsync(writer, bytes);
        await WriteAsync(writer, "and what follows");

        Assert.Equal(bytes + "and what follows", await ReadAllAsync(writer, pipe));
    }

    private static (RejectionRewritingPipeWriter Writer, Pipe Pipe, PendingRejection Pending) Build()
    {
        var store = new GatewaySnapshotAccessor
        {
            Current = new GatewaySnapshot
            {
                Generation = 1,
                Options = new GatewayOptions(),
                DefaultPolicy = new RoutePolicy { Profile = ErrorProfile.EdFi },
                RoutePolicies = FrozenDictionary<string, RoutePolicy>.Empty,
                Routes = [],
                Clusters = [],
                StrippedHeaders = FrozenSet<string>.Empty,
            },
        };
        var pipe = new Pipe();
        var pending = new PendingRejection();
        var answer = new RejectionAnswer(store, NullLogger<RejectionAnswer>.Instance);
        return (new RejectionRewritingPipeWriter(pipe.Writer, pending, answer), pipe, pending);
    }

    private static void Write(PipeWriter writer, string text)
    {
        var bytes = Encoding.Latin1.GetBytes(text);
        bytes.CopyTo(writer.GetSpan(bytes.Length));
        writer.Advance(bytes.Length);
    }

    private static async Task WriteAsync(PipeWriter writer, string text)
    {
        Write(writer, text);
        await writer.FlushAsync();
    }

    private static async Task<string> ReadAllAsync(PipeWriter writer, Pipe pipe)
    {
        await writer.CompleteAsync();
        var result = await pipe.Reader.ReadAsync();
        while (!result.IsCompleted)
        {
            pipe.Reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
            result = await pipe.Reader.ReadAsync();
        }

        var text = Encoding.Latin1.GetString(result.Buffer.ToArray());
        pipe.Reader.AdvanceTo(result.Buffer.End);
        return text;
    }
}
