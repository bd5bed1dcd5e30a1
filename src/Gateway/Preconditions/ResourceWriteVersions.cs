namespace Gateway.Preconditions;

/// <summary>
/// Write counters per route and path, for the validator cache: every write through the gateway bumps its path's
/// counter before it is forwarded and again once it is done, and a recorded or stored tag only counts while the
/// counter still holds the value read before the GET went upstream. Paths share a fixed set of counters (by hash),
/// so memory stays bounded; two paths on one counter only cost each other extra misses.
/// </summary>
internal sealed class ResourceWriteVersions
{
    private const int StripeCount = 8192; // a power of two: 64 KiB of counters
    private readonly long[] _versions = new long[StripeCount];

    /// <summary>The counter of a route's path. Case is ignored: many legacy servers ignore it too.</summary>
    public static int StripeOf(string routeId, string path) =>
        HashCode.Combine(string.GetHashCode(routeId, StringComparison.OrdinalIgnoreCase), string.GetHashCode(path, StringComparison.OrdinalIgnoreCase))
        & (StripeCount - 1);

    public long Read(int stripe) => Volatile.Read(ref _versions[stripe]);

    public void Bump(int stripe) => Interlocked.Increment(ref _versions[stripe]);
}
