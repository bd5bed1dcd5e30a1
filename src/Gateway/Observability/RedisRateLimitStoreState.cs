using Gateway.Configuration;
using Gateway.RateLimiting;

namespace Gateway.Observability;

/// <summary>The Redis rate-limit store as the metrics see it: reported only while a policy of the current config uses it.</summary>
internal sealed class RedisRateLimitStoreState(GatewaySnapshotAccessor snapshots, RedisRateLimitStore store, RateLimitCounters counters) : IRateLimitStoreState
{
    public RateLimitStoreReading? Read()
    {
        GatewaySnapshot snapshot;
        try
        {
            snapshot = snapshots.Current;
        }
        catch (InvalidOperationException)
        {
            return null; // not loaded yet
        }

        // IsAvailable is the state the last decision or readiness probe found; reading it costs no Redis call.
        return snapshot.RateLimiting.Redis is null
            ? null
            : new RateLimitStoreReading("redis", store.IsAvailable, counters.StoreFailures, counters.StoreOutages,
                counters.LocalFallbackDecisions, counters.StoreClosedRefusals);
    }
}
