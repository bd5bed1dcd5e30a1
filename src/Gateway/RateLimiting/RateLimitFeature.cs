using Gateway.Transforms.RateLimiting;

namespace Gateway.RateLimiting;

/// <summary>Per-request rate-limit state: the quota the request counts against and the decision, for the response headers.</summary>
internal sealed class RateLimitFeature(RateLimitTarget target)
{
    public RateLimitTarget Target { get; } = target;

    /// <summary>The Redis store of the generation the target came from; null for memory policies.</summary>
    public RedisStoreSettings? Redis { get; init; }

    public RateLimitDecision? Decision { get; set; }

    /// <summary>Set when the request was refused because Redis was unavailable (failing closed), not by its quota.</summary>
    public bool StoreUnavailable { get; set; }

    /// <summary>Set on refusal from the lease's <c>RetryAfter</c> metadata.</summary>
    public TimeSpan? RetryAfter { get; set; }

    public bool HeadersRegistered { get; set; }

    /// <summary>A refusal of the synchronous attempt that waiting cannot change.</summary>
    public System.Threading.RateLimiting.RateLimitLease? FinalRefusal { get; set; }
}
