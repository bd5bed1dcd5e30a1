namespace Gateway.RateLimiting;

/// <summary>Rate-limit algorithms, named as in System.Threading.RateLimiting.</summary>
public enum RateLimitKind
{
    /// <summary><c>TokenLimit</c> tokens, <c>TokensPerPeriod</c> added every <c>ReplenishmentPeriod</c>.</summary>
    TokenBucket,

    /// <summary><c>PermitLimit</c> requests per <c>Window</c>.</summary>
    FixedWindow,

    /// <summary><c>PermitLimit</c> requests in any <c>Window</c>, moving by one of <c>SegmentsPerWindow</c> segments.</summary>
    SlidingWindow,

    /// <summary><c>PermitLimit</c> requests in flight at once (per replica).</summary>
    Concurrency,
}
