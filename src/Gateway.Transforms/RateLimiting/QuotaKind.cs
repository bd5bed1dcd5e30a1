namespace Gateway.Transforms.RateLimiting;

/// <summary>The time-based quota algorithms the gateway implements (concurrency limits are not time based).</summary>
internal enum QuotaKind
{
    FixedWindow,
    SlidingWindow,
    TokenBucket,
}
