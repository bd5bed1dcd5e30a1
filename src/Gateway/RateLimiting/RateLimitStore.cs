namespace Gateway.RateLimiting;

/// <summary>Where a policy's counters live.</summary>
public enum RateLimitStore
{
    /// <summary>In this process: each replica enforces the limit on its own.</summary>
    Memory,

    /// <summary>In Redis: all replicas share one limit.</summary>
    Redis,
}
