namespace Gateway.Transforms.RateLimiting;

/// <summary>
/// <c>limit</c> requests in any window of <c>segments</c> consecutive segments (like <c>SlidingWindowRateLimiter</c>);
/// segments are aligned to the Unix epoch. Refused requests do not count.
/// </summary>
internal sealed class SlidingWindowCounter : QuotaCounter
{
    private readonly long _limit;
    private readonly long _segmentMs;
    private readonly long[] _counts;
    private long _current = long.MinValue;

    public SlidingWindowCounter(long limit, long windowMs, int segments)
    {
        _limit = limit;
        _segmentMs = windowMs / segments;
        _counts = new long[segments];
    }

    protected override RateLimitDecision DecideCore(long nowMs)
    {
        var segment = nowMs / _segmentMs;
        Advance(segment);
        long sum = 0;
        long oldest = -1;
        for (var s = segment - _counts.Length + 1; s <= segment; s++)
        {
            var count = _counts[Slot(s)];
            sum += count;
            if (oldest < 0 && count > 0)
            {
                oldest = s;
            }
        }

        if (sum >= _limit)
        {
            // The oldest counted segment leaves the window first and frees at least one permit.
            return RateLimitDecision.Refuse(((oldest + _counts.Length) * _segmentMs) - nowMs);
        }

        _counts[Slot(segment)]++;
        oldest = oldest < 0 ? segment : oldest;
        return RateLimitDecision.Allow(_limit - sum - 1, ((oldest + _counts.Length) * _segmentMs) - nowMs);
    }

    protected override bool IsAtRestCore(long nowMs)
    {
        var segment = nowMs / _segmentMs;
        if (_current == long.MinValue || segment - _current >= _counts.Length)
        {
            return true;
        }

        for (var s = segment - _counts.Length + 1; s <= _current; s++)
        {
            if (_counts[Slot(s)] > 0)
            {
                return false;
            }
        }

        return true;
    }

    private void Advance(long segment)
    {
        if (_current != long.MinValue && segment - _current < _counts.Length)
        {
            for (var s = _current + 1; s <= segment; s++)
            {
                _counts[Slot(s)] = 0;
            }
        }
        else if (segment != _current)
        {
            Array.Clear(_counts);
        }

        _current = Math.Max(_current, segment);
    }

    private int Slot(long segment) => (int)(((segment % _counts.Length) + _counts.Length) % _counts.Length);
}
