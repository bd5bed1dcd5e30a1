namespace Gateway.Transforms.RateLimiting;

/// <summary>
/// A bucket of <c>limit</c> tokens, refilled by <c>tokensPerPeriod</c> at each whole period since it was created
/// (like <c>TokenBucketRateLimiter</c> with auto-replenishment); a request takes one token.
/// </summary>
internal sealed class TokenBucketCounter : QuotaCounter
{
    private readonly long _limit;
    private readonly long _tokensPerPeriod;
    private readonly long _periodMs;
    private long _tokens;
    private long _periodStart = long.MinValue;

    public TokenBucketCounter(long limit, long tokensPerPeriod, long periodMs)
    {
        _limit = limit;
        _tokensPerPeriod = tokensPerPeriod;
        _periodMs = periodMs;
        _tokens = limit;
    }

    protected override RateLimitDecision DecideCore(long nowMs)
    {
        Refill(nowMs);
        var nextTickMs = _periodStart + _periodMs - nowMs;
        if (_tokens < 1)
        {
            return RateLimitDecision.Refuse(nextTickMs);
        }

        _tokens--;
        return RateLimitDecision.Allow(_tokens, nextTickMs);
    }

    protected override bool IsAtRestCore(long nowMs)
    {
        if (_periodStart == long.MinValue)
        {
            return true;
        }

        var periods = (nowMs - _periodStart) / _periodMs;
        return periods >= _limit || _tokens + (periods * _tokensPerPeriod) >= _limit;
    }

    private void Refill(long nowMs)
    {
        if (_periodStart == long.MinValue)
        {
            _periodStart = nowMs;
            return;
        }

        var periods = (nowMs - _periodStart) / _periodMs;
        if (periods > 0)
        {
            // Saturating: a bucket idle for years must not overflow.
            _tokens = periods >= _limit ? _limit : Math.Min(_limit, _tokens + (periods * _tokensPerPeriod));
            _periodStart += periods * _periodMs;
        }
    }
}
