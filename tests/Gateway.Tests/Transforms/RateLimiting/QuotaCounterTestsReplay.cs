using Gateway.Transforms.RateLimiting;

namespace Gateway.Tests.Transforms.RateLimiting;

/// <summary>Replays a request sequence on a fresh counter and asks whether one more request at a later time gets a permit.</summary>
internal static class QuotaCounterTestsReplay
{
    public static bool AllowedAfter(QuotaShape shape, byte[] gaps, long refusedAt, long waitMs)
    {
        var counter = QuotaCounter.Create(shape);
        var now = 1_700_000_000_000L;
        foreach (var gap in gaps)
        {
            now += gap;
            if (now > refusedAt)
            {
                break;
            }

            counter.Decide(now);
        }

        return counter.Decide(refusedAt + waitMs).Allowed;
    }
}
