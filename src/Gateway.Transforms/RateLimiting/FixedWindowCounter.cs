namespace Gateway.Transforms.RateLimiting;

/// <summary>
/// <c>limit</c> requests per window; windows are aligned to multiples of the window length since the Unix epoch,
/// so every replica (and Redis) agrees on where a window starts. Refused requests do not count.
/// </summary>
internal sealed class FixedWindowCounter(long limit, long windowMs) : QuotaCounter
{
    private long _window = long.MinValue;
    private long _count;

    protected override RateLimitDecision DecideCore(long nowMs)
    {
        var window = Math.DivRem(nowMs, windowMs, out var intoWindow);
        if (window != _window)
        {
            _window = window;
            _count = 0;
        }

        var resetMs = windowMs - intoWindow;
        if (_count >= limit)
        {
            return RateLimitDecision.Refuse(resetMs);
        }

        _count++;
        return RateLimitDecision.Allow(limit - _count, resetMs);
    }

    protected override bool IsAtRestCore(long nowMs) => _count == 0 || nowMs / windowMs != _window;
}
