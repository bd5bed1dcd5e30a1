namespace Gateway.Kestrel;

/// <summary>
/// Per-connection signal, set when Kestrel flags a bad request and read by the connection's output writer:
/// the next response head written on the connection may be Kestrel's own bare rejection.
/// </summary>
internal sealed class PendingRejection
{
    private int _pending;
    private volatile bool _isHead;

    /// <summary>Called from Kestrel's bad-request event, before Kestrel writes its answer.</summary>
    public void Mark(bool isHead)
    {
        _isHead = isHead;
        Volatile.Write(ref _pending, 1);
    }

    /// <summary>Takes the signal once; cheap when nothing is pending (one volatile read).</summary>
    public bool TryTake(out bool isHead)
    {
        isHead = _isHead;
        return Volatile.Read(ref _pending) != 0 && Interlocked.Exchange(ref _pending, 0) != 0;
    }
}
