namespace Gateway.RateLimiting;

/// <summary>A validated policy of one config generation, with its <c>RateLimit-Policy</c> field value precomputed.</summary>
internal sealed class CompiledRateLimitPolicy
{
    public required string Name { get; init; }

    public required LimiterSpec Spec { get; init; }

    public required RateLimitPartitionBy PartitionBy { get; init; }

    public required RateLimitStore Store { get; init; }

    /// <summary>The <c>RateLimit-Policy</c> field value, e.g. <c>"demo";q=5;w=10</c>.</summary>
    public required string PolicyHeader { get; init; }

    /// <summary>The <c>RateLimit-Limit</c> field value: the quota, e.g. <c>5</c>.</summary>
    public required string QuotaHeader { get; init; }
}
