namespace Gateway.RateLimiting;

/// <summary>In-process counts of rate-limit outcomes and store health (read by tests and the readiness check).</summary>
internal sealed class RateLimitCounters
{
    private long _quotaRefusals;
    private long _storeFailures;
    private long _localFallbackDecisions;
    private long _storeClosedRefusals;
    private long _storeOutages;
    private long _storeRecoveries;
    private long _clusterCapRefusals;

    /// <summary>Requests refused with 429 because their quota was used up.</summary>
    public long QuotaRefusals => Interlocked.Read(ref _quotaRefusals);

    /// <summary>Redis calls that failed (error, timeout) or were skipped while disconnected.</summary>
    public long StoreFailures => Interlocked.Read(ref _storeFailures);

    /// <summary>Decisions of Redis policies made by the local limiter while failing open.</summary>
    public long LocalFallbackDecisions => Interlocked.Read(ref _localFallbackDecisions);

    /// <summary>Requests refused because Redis was unavailable and the store fails closed.</summary>
    public long StoreClosedRefusals => Interlocked.Read(ref _storeClosedRefusals);

    /// <summary>Transitions of the Redis store from available to unavailable.</summary>
    public long StoreOutages => Interlocked.Read(ref _storeOutages);

    /// <summary>Transitions of the Redis store from unavailable back to available.</summary>
    public long StoreRecoveries => Interlocked.Read(ref _storeRecoveries);

    /// <summary>Requests refused by a cluster's concurrency cap.</summary>
    public long ClusterCapRefusals => Interlocked.Read(ref _clusterCapRefusals);

    public void QuotaRefused() => Interlocked.Increment(ref _quotaRefusals);

    public void StoreFailed() => Interlocked.Increment(ref _storeFailures);

    public void DecidedLocally() => Interlocked.Increment(ref _localFallbackDecisions);

    public void RefusedClosed() => Interlocked.Increment(ref _storeClosedRefusals);

    public void StoreWentDown() => Interlocked.Increment(ref _storeOutages);

    public void StoreCameBack() => Interlocked.Increment(ref _storeRecoveries);

    public void ClusterCapRefused() => Interlocked.Increment(ref _clusterCapRefusals);
}
