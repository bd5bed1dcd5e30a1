using FsCheck;
using FsCheck.Xunit;
using Gateway.Transforms.RateLimiting;

namespace Gateway.Tests.Transforms.RateLimiting;

public sealed class QuotaCounterTests
{
    // A moment well inside a 10 s window and a 1 s segment, far from the epoch.
    private const long T0 = 1_700_000_000_000;

    [Fact]
    public void FixedWindow_LimitThenRefused_RetryAtWindowEnd_ThenFreshWindow()
    {
        var counter = QuotaCounter.Create(new QuotaShape(QuotaKind.FixedWindow, 3, 10_000));
        var start = T0 + 2_500; // 2.5 s into a window aligned on 10 s

        Assert.Equal(new RateLimitDecision(true, 2, 7_500, 0), counter.Decide(start));
        Assert.Equal(new RateLimitDecision(true, 1, 7_000, 0), counter.Decide(start + 500));
        Assert.Equal(new RateLimitDecision(true, 0, 6_000, 0), counter.Decide(start + 1_500));
        Assert.Equal(new RateLimitDecision(false, 0, 5_000, 5_000), counter.Decide(start + 2_500));
        Assert.False(counter.IsAtRest(start + 2_500));
        Assert.True(counter.IsAtRest(start + 7_500));
        Assert.Equal(new RateLimitDecision(true, 2, 10_000, 0), counter.Decide(start + 7_500));
    }

    [Fact]
    public void TokenBucket_BurstThenOneTokenPerPeriod_RetryAtNextTick()
    {
        var counter = QuotaCounter.Create(new QuotaShape(QuotaKind.TokenBucket, 2, 1_000, TokensPerPeriod: 1));

        Assert.Equal(new RateLimitDecision(true, 1, 1_000, 0), counter.Decide(T0));
        Assert.Equal(new RateLimitDecision(true, 0, 700, 0), counter.Decide(T0 + 300));
        Assert.Equal(new RateLimitDecision(false, 0, 600, 600), counter.Decide(T0 + 400));
        Assert.Equal(new RateLimitDecision(true, 0, 1_000, 0), counter.Decide(T0 + 1_000));
        Assert.False(counter.IsAtRest(T0 + 2_999));
        Assert.True(counter.IsAtRest(T0 + 3_000));
        // Idle for years: refilled to the bucket size, not beyond.
        Assert.Equal(1, counter.Decide(T0 + 100_000_000_000).Remaining);
    }

    [Fact]
    public void SlidingWindow_OldestSegmentLeavingFreesPermits()
    {
        // 3 per 3 s, in 1 s segments aligned on the epoch.
        var counter = QuotaCounter.Create(new QuotaShape(QuotaKind.SlidingWindow, 3, 3_000, Segments: 3));

        Assert.Equal(new RateLimitDecision(true, 2, 3_000, 0), counter.Decide(T0));
        Assert.Equal(new RateLimitDecision(true, 1, 1_900, 0), counter.Decide(T0 + 1_100));
        Assert.Equal(new RateLimitDecision(true, 0, 900, 0), counter.Decide(T0 + 2_100));
        Assert.Equal(new RateLimitDecision(false, 0, 500, 500), counter.Decide(T0 + 2_500));
        // At 3.0 s the first segment leaves: one permit back, the next segment now the oldest.
        Assert.Equal(new RateLimitDecision(true, 0, 1_000, 0), counter.Decide(T0 + 3_000));
        Assert.True(counter.IsAtRest(T0 + 6_000));
    }

    [Fact]
    public void ClockSteppingBack_DoesNotReopenAWindow()
    {
        var counter = QuotaCounter.Create(new QuotaShape(QuotaKind.FixedWindow, 1, 1_000));
        Assert.True(counter.Decide(T0 + 999).Allowed);
        Assert.False(counter.Decide(T0 - 5_000).Allowed);
    }

    [Property(MaxTest = 300)]
    public bool FixedWindow_NeverMoreThanLimitInAnyWindow(PositiveInt limit, byte[] gaps) =>
        AllowedPerWindow(new QuotaShape(QuotaKind.FixedWindow, limit.Get % 20 + 1, 1_000), gaps, 1_000, aligned: true);

    [Property(MaxTest = 300)]
    public bool SlidingWindow_NeverMoreThanLimitInAnyWindowOfSegments(PositiveInt limit, byte[] gaps) =>
        AllowedPerWindow(new QuotaShape(QuotaKind.SlidingWindow, limit.Get % 20 + 1, 1_000, Segments: 4), gaps, 1_000, aligned: false);

    [Property(MaxTest = 300)]
    public bool TokenBucket_NeverMoreThanBurstPlusRefills(PositiveInt size, PositiveInt perPeriod, byte[] gaps)
    {
        var shape = new QuotaShape(QuotaKind.TokenBucket, size.Get % 10 + 1, 100, TokensPerPeriod: perPeriod.Get % 3 + 1);
        var counter = QuotaCounter.Create(shape);
        var now = T0;
        var allowed = 0L;
        foreach (var gap in gaps)
        {
            now += gap;
            allowed += counter.Decide(now).Allowed ? 1 : 0;
            var periods = (now - T0) / shape.WindowMs;
            if (allowed > shape.Limit + (periods * shape.TokensPerPeriod))
            {
                return false;
            }
        }

        return true;
    }

    [Property(MaxTest = 300)]
    public bool RefusalsPromiseAFuturePermit_AndRemainingNeverNegative(PositiveInt limit, byte[] gaps, bool sliding)
    {
        var shape = sliding
            ? new QuotaShape(QuotaKind.SlidingWindow, limit.Get % 5 + 1, 1_000, Segments: 5)
            : new QuotaShape(QuotaKind.FixedWindow, limit.Get % 5 + 1, 1_000);
        var counter = QuotaCounter.Create(shape);
        var now = T0;
        foreach (var gap in gaps)
        {
            now += gap;
            var decision = counter.Decide(now);
            if (decision.Remaining < 0 || decision.ResetAfterMs is not (> 0 and <= 1_000))
            {
                return false;
            }

            // Waiting exactly the promised time must get a permit.
            if (!decision.Allowed && !QuotaCounterTestsReplay.AllowedAfter(shape, gaps, now, decision.RetryAfterMs))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AllowedPerWindow(QuotaShape shape, byte[] gaps, long windowMs, bool aligned)
    {
        var counter = QuotaCounter.Create(shape);
        var times = new List<long>();
        var now = T0;
        foreach (var gap in gaps)
        {
            now += gap * 7;
            if (counter.Decide(now).Allowed)
            {
                times.Add(now);
            }
        }

        return aligned
            ? times.GroupBy(t => t / windowMs).All(g => g.Count() <= shape.Limit)
            // Any window made of whole segments: count grants per segment, then every run of Segments segments.
            : times.GroupBy(t => t / shape.SegmentMs).Select(g => g.Key).All(s =>
                times.Count(t => t / shape.SegmentMs > s - shape.Segments && t / shape.SegmentMs <= s) <= shape.Limit);
    }
}
