using Gateway.Configuration;

namespace Gateway.Proxy;

/// <summary>
/// Bytes of upstream bodies held in memory at once, over all requests. Each body is bounded by its route's setting;
/// this bounds their sum, so a burst of large error pages cannot take the process's memory (NGINX spills such
/// bodies to temporary files instead). A read that gets no room stops there and its body counts as over the bound:
/// an error gets the generic message, a success body streams on, a representation gets no derived ETag.
/// </summary>
internal sealed class BufferBudget(GatewaySnapshotAccessor store)
{
    private long _inUse;

    /// <summary>Bytes reserved right now.</summary>
    public long InUse => Interlocked.Read(ref _inUse);

    /// <summary>Reserves room for a buffer of <paramref name="bytes"/>; false when that would pass <c>MaxBufferedBytes</c>.</summary>
    public bool TryReserve(int bytes)
    {
        if (Interlocked.Add(ref _inUse, bytes) <= store.Current.Options.MaxBufferedBytes)
        {
            return true;
        }

        Interlocked.Add(ref _inUse, -bytes);
        return false;
    }

    public void Release(int bytes) => Interlocked.Add(ref _inUse, -bytes);
}
