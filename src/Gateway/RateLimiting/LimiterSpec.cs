using Gateway.Transforms.RateLimiting;

namespace Gateway.RateLimiting;

/// <summary>
/// What a limiter instance is built from. Value equality: part of the in-memory partition key, so an edit that
/// changes a limit gets fresh limiters while untouched policies keep their counters across a reload.
/// </summary>
/// <param name="Kind">The algorithm.</param>
/// <param name="Shape">The time-based quota; null for concurrency.</param>
/// <param name="ConcurrencyLimit">Requests in flight at once (concurrency only).</param>
/// <param name="QueueLimit">Requests that may wait for a slot (concurrency only).</param>
internal sealed record LimiterSpec(RateLimitKind Kind, QuotaShape? Shape, int ConcurrencyLimit = 0, int QueueLimit = 0);
