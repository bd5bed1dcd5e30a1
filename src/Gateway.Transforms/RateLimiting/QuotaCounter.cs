namespace Gateway.Transforms.RateLimiting;

/// <summary>
/// The state of one time-based quota (one partition of one policy) and its decision rule. Deterministic: the caller
/// passes the clock (milliseconds) and serialises calls. The Redis scripts implement the same arithmetic, so a
/// policy behaves the same in memory and in Redis.
/// </summary>
internal abstract class QuotaCounter
{
    private long _lastNowMs = long.MinValue;

    /// <summary>Takes one unit of quota when available.</summary>
    public RateLimitDecision Decide(long nowMs) => DecideCore(Monotonic(nowMs));

    /// <summary>True when the counter holds nothing a fresh counter would not: it may be dropped.</summary>
    public bool IsAtRest(long nowMs) => IsAtRestCore(Math.Max(nowMs, _lastNowMs));

    /// <summary>Creates the counter for a policy shape.</summary>
    public static QuotaCounter Create(QuotaShape shape) => shape.Kind switch
    {
        QuotaKind.FixedWindow => new FixedWindowCounter(shape.Limit, shape.WindowMs),
        QuotaKind.SlidingWindow => new SlidingWindowCounter(shape.Limit, shape.WindowMs, shape.Segments),
        QuotaKind.TokenBucket => new TokenBucketCounter(shape.Limit, shape.TokensPerPeriod, shape.WindowMs),
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape.Kind, "not a time-based quota"),
    };

    protected abstract RateLimitDecision DecideCore(long nowMs);

    protected abstract bool IsAtRestCore(long nowMs);

    // A wall clock may step back (NTP); a quota must not hand out a window twice because of it.
    private long Monotonic(long nowMs) => _lastNowMs = Math.Max(nowMs, _lastNowMs);
}
