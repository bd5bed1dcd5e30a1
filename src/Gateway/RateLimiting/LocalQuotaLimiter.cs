using System.Threading.RateLimiting;
using Gateway.Transforms.RateLimiting;

namespace Gateway.RateLimiting;

/// <summary>
/// An in-process limiter for one partition, over the same <see cref="QuotaCounter"/> arithmetic as the Redis scripts.
/// Unlike the built-in window limiters, its leases say exactly when quota returns (the built-ins report a whole
/// window as Retry-After), which the RateLimit headers need. Time-based limits refuse at once; they never queue.
/// </summary>
internal sealed class LocalQuotaLimiter(QuotaCounter counter, TimeProvider time) : RateLimiter
{
    private readonly Lock _lock = new();
    private long _lastUsedTimestamp = time.GetTimestamp();
    private long _granted;
    private long _refused;

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_lock)
            {
                // Dropping a counter at rest loses nothing: a new one starts in the same state.
                return counter.IsAtRest(NowMs()) ? time.GetElapsedTime(_lastUsedTimestamp) : null;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics() => new()
    {
        TotalSuccessfulLeases = Interlocked.Read(ref _granted),
        TotalFailedLeases = Interlocked.Read(ref _refused),
    };

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(permitCount, 1);
        RateLimitDecision decision;
        lock (_lock)
        {
            _lastUsedTimestamp = time.GetTimestamp();
            decision = counter.Decide(NowMs());
        }

        Interlocked.Increment(ref decision.Allowed ? ref _granted : ref _refused);
        return new DecisionLease(decision);
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private long NowMs() => time.GetUtcNow().ToUnixTimeMilliseconds();
}
