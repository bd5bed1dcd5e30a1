namespace Gateway.Preconditions;

/// <summary>The shared lock of routes with <c>"Lock": "Redis"</c>: the <c>Gateway:ETagLock</c> section.</summary>
public sealed class ETagLockOptions
{
    /// <summary>The section name inside <c>Gateway</c>.</summary>
    public const string SectionName = "ETagLock";

    /// <summary>A StackExchange.Redis configuration string, e.g. <c>redis:6379,password=…</c>. Required by Redis locks.</summary>
    public string? RedisConfiguration { get; set; }

    /// <summary>Prefix of the lock keys, so several gateways or features can share one Redis. Default <c>gateway:etag-lock:</c>.</summary>
    public string KeyPrefix { get; set; } = "gateway:etag-lock:";

    /// <summary>
    /// Lease of a held lock, in seconds; renewed every third of it while the write runs, so it only bounds how
    /// long a crashed instance blocks the resource. Default 10; between 1 and 300.
    /// </summary>
    public int LeaseSeconds { get; set; } = 10;
}
