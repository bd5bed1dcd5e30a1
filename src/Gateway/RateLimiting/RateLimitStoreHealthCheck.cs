using Gateway.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gateway.RateLimiting;

/// <summary>
/// Readiness entry of the shared rate-limit store. Redis away is Degraded, not Unhealthy, in both modes: routes
/// without Redis policies still serve, and pulling every replica out of the load balancer at once is the worse outage.
/// </summary>
internal sealed class RateLimitStoreHealthCheck(GatewaySnapshotAccessor snapshots, RedisRateLimitStore store, RateLimitCounters counters) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (snapshots.Current.RateLimiting.Redis is not { } redis)
        {
            return HealthCheckResult.Healthy("no policy uses Redis");
        }

        var data = new Dictionary<string, object>
        {
            ["mode"] = redis.WhenUnavailable.ToString(),
            ["failures"] = counters.StoreFailures,
            ["outages"] = counters.StoreOutages,
            ["localDecisions"] = counters.LocalFallbackDecisions,
            ["closedRefusals"] = counters.StoreClosedRefusals,
        };
        if (await store.CheckAsync(redis))
        {
            return HealthCheckResult.Healthy("Redis connected: limits are shared by all replicas", data);
        }

        return HealthCheckResult.Degraded(redis.WhenUnavailable == RedisFailureMode.FailOpen
            ? "Redis unavailable: failing open, each replica enforces its limits in memory"
            : "Redis unavailable: failing closed, Redis-limited routes are refused", data: data);
    }
}
