namespace Gateway.Transforms.RateLimiting;

/// <summary>The numbers that define a time-based quota; value equality, so a changed limit is a different shape.</summary>
/// <param name="Kind">The algorithm.</param>
/// <param name="Limit">Permits per window, or the bucket size.</param>
/// <param name="WindowMs">The window, or the token bucket's replenishment period, in milliseconds.</param>
/// <param name="Segments">Sliding window segments per window (1 otherwise).</param>
/// <param name="TokensPerPeriod">Tokens added per period (token bucket only, 0 otherwise).</param>
internal sealed record QuotaShape(QuotaKind Kind, long Limit, long WindowMs, int Segments = 1, long TokensPerPeriod = 0)
{
    /// <summary>The time in which the full quota is granted once, for the <c>w</c> parameter: the window, or a bucket's refill time.</summary>
    public long NominalWindowMs => Kind == QuotaKind.TokenBucket
        ? (Limit + TokensPerPeriod - 1) / TokensPerPeriod * WindowMs
        : WindowMs;

    /// <summary>Sliding window segment length in milliseconds.</summary>
    public long SegmentMs => WindowMs / Segments;
}
