using System.Buffers;
using System.IO.Pipelines;

namespace Gateway.Kestrel;

/// <summary>
/// The connection's output as Kestrel sees it. Forwards every call to the transport, except after Kestrel flagged
/// a bad request: then the next response head is held back and, when it is Kestrel's own bare rejection, replaced
/// by the standard payload. Success bodies are never buffered; normal traffic costs one volatile read per buffer.
/// </summary>
internal sealed class RejectionRewritingPipeWriter(PipeWriter inner, PendingRejection pending, RejectionAnswer answer) : PipeWriter
{
    // A rejection head is a few hundred bytes; anything longer is not one.
    private const int MaxHeadBytes = 4096;

    private enum Mode
    {
        PassThrough,
        Capturing,
        Discarding,
    }

    private Mode _mode;
    private bool _isHead;
    private bool _lastMemoryCaptured;
    private ArrayBufferWriter<byte>? _captured;

    public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

    public override long UnflushedBytes => inner.UnflushedBytes + (_captured?.WrittenCount ?? 0);

    public override Memory<byte> GetMemory(int sizeHint = 0) =>
        BeginWrite() ? _captured!.GetMemory(sizeHint) : inner.GetMemory(sizeHint);

    public override Span<byte> GetSpan(int sizeHint = 0) =>
        BeginWrite() ? _captured!.GetSpan(sizeHint) : inner.GetSpan(sizeHint);

    public override void Advance(int bytes)
    {
        if (!_lastMemoryCaptured)
        {
            inner.Advance(bytes);
            return;
        }

        _captured!.Advance(bytes);
        if (_mode == Mode.Capturing)
        {
            Decide(final: false);
        }
        else
        {
            _captured.ResetWrittenCount();
        }
    }

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        if (_mode == Mode.Capturing)
        {
            Decide(final: true);
        }

        return inner.FlushAsync(cancellationToken);
    }

    public override void CancelPendingFlush() => inner.CancelPendingFlush();

    public override void Complete(Exception? exception = null)
    {
        if (_mode == Mode.Capturing)
        {
            Decide(final: true);
        }

        inner.Complete(exception);
    }

    public override ValueTask CompleteAsync(Exception? exception = null)
    {
        if (_mode == Mode.Capturing)
        {
            Decide(final: true);
        }

        return inner.CompleteAsync(exception);
    }

    // The mode only changes between a GetMemory and its Advance here, so each Advance goes where its memory came from.
    private bool BeginWrite()
    {
        if (_mode == Mode.PassThrough && pending.TryTake(out _isHead))
        {
            _mode = Mode.Capturing;
            _captured = new ArrayBufferWriter<byte>(512);
        }

        return _lastMemoryCaptured = _mode != Mode.PassThrough;
    }

    private void Decide(bool final)
    {
        var written = _captured!.WrittenSpan;
        var prefix = KestrelRejectionHead.Prefix;
        var startsLikeHead = written.Length >= prefix.Length ? written.StartsWith(prefix) : prefix.StartsWith(written);
        var headLength = startsLikeHead ? KestrelRejectionHead.HeadLength(written) : -1;
        if (startsLikeHead && headLength < 0 && !final && written.Length < MaxHeadBytes)
        {
            return; // wait for the rest of the head
        }

        if (headLength > 0
            && KestrelRejectionHead.TryRead(written[..headLength], answer.CorrelationHeader, out var status, out var date))
        {
            inner.Write(answer.Build(status, date, _isHead));
            _captured.ResetWrittenCount();
            _mode = Mode.Discarding; // Kestrel closes the connection after its rejection; nothing else belongs to it
            return;
        }

        inner.Write(written);
        _captured = null;
        _mode = Mode.PassThrough;
    }
}
