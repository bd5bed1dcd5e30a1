namespace Gateway.RateLimiting;

/// <summary>One named policy: an entry of <c>Gateway:RateLimiting:Policies</c>.</summary>
public sealed class RateLimitPolicyOptions
{
    /// <summary>The algorithm. Required.</summary>
    public RateLimitKind? Kind { get; set; }

    /// <summary>Requests per window (FixedWindow, SlidingWindow) or in flight at once (Concurrency).</summary>
    public int? PermitLimit { get; set; }

    /// <summary>The window of FixedWindow and SlidingWindow: whole seconds, at least one.</summary>
    public TimeSpan? Window { get; set; }

    /// <summary>SlidingWindow: segments the window is divided into (2-100); the window moves by one segment at a time.</summary>
    public int? SegmentsPerWindow { get; set; }

    /// <summary>TokenBucket: the bucket size, i.e. the largest burst.</summary>
    public int? TokenLimit { get; set; }

    /// <summary>TokenBucket: tokens added at each replenishment period.</summary>
    public int? TokensPerPeriod { get; set; }

    /// <summary>TokenBucket: the replenishment period, at least 10 ms.</summary>
    public TimeSpan? ReplenishmentPeriod { get; set; }

    /// <summary>Concurrency: requests that may wait for a slot instead of being refused. Default 0.</summary>
    public int QueueLimit { get; set; }

    /// <summary>What one quota is counted for. Default <see cref="RateLimitPartitionBy.ClientIp"/>.</summary>
    public RateLimitPartitionBy PartitionBy { get; set; } = RateLimitPartitionBy.ClientIp;

    /// <summary>Where the counters live. Default <see cref="RateLimitStore.Memory"/> (per replica).</summary>
    public RateLimitStore Store { get; set; } = RateLimitStore.Memory;
}
