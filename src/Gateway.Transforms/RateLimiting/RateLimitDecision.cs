namespace Gateway.Transforms.RateLimiting;

/// <summary>The outcome of one rate-limit decision, in the units the RateLimit headers report.</summary>
/// <param name="Allowed">Whether the request may proceed.</param>
/// <param name="Remaining">Quota units left after this decision (never negative).</param>
/// <param name="ResetAfterMs">Milliseconds until the available quota next grows; null when time plays no part (concurrency).</param>
/// <param name="RetryAfterMs">For a refusal, milliseconds until one more request would be allowed; otherwise 0.</param>
internal readonly record struct RateLimitDecision(bool Allowed, long Remaining, long? ResetAfterMs, long RetryAfterMs)
{
    public static RateLimitDecision Allow(long remaining, long? resetAfterMs) => new(true, Math.Max(0, remaining), resetAfterMs, 0);

    public static RateLimitDecision Refuse(long retryAfterMs) => new(false, 0, retryAfterMs, Math.Max(1, retryAfterMs));
}
