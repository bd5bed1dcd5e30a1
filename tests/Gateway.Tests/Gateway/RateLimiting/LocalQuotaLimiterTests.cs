using System.Threading.RateLimiting;
using Gateway.RateLimiting;
using Gateway.Transforms.RateLimiting;

namespace Gateway.Tests.Gateway.RateLimiting;

public sealed class LocalQuotaLimiterTests
{
    [Fact]
    public void Acquire_RefusedLease_CarriesRetryAfterAndDecision()
    {
        var clock = new ManualClock(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_002_000));
        using var limiter = new LocalQuotaLimiter(QuotaCounter.Create(new QuotaShape(QuotaKind.FixedWindow, 1, 10_000)), clock);

        using var granted = limiter.AttemptAcquire();
        using var refused = limiter.AttemptAcquire();

        Assert.True(granted.IsAcquired);
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(8), retryAfter);
        Assert.True(refused.TryGetMetadata(DecisionLease.DecisionName, out var decision));
        Assert.Equal(0, decision.Remaining);
        Assert.False(granted.TryGetMetadata(MetadataName.RetryAfter, out _));
    }

    [Fact]
    public void IdleDuration_NullWhileHoldingState_SetOnceAtRest()
    {
        var clock = new ManualClock(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000));
        using var limiter = new LocalQuotaLimiter(QuotaCounter.Create(new QuotaShape(QuotaKind.FixedWindow, 5, 1_000)), clock);
        using (limiter.AttemptAcquire())
        {
        }

        clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Null(limiter.IdleDuration);
        clock.Advance(TimeSpan.FromMilliseconds(600));
        Assert.Equal(TimeSpan.FromMilliseconds(1_100), limiter.IdleDuration);
    }

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public override long GetTimestamp() => _now.UtcTicks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public void Advance(TimeSpan by) => _now += by;
    }
}
