using System.Threading.RateLimiting;
using Gateway.Configuration;
using Gateway.Transforms.RateLimiting;
using Microsoft.AspNetCore.Http.Features;

namespace Gateway.RateLimiting;

/// <summary>
/// ASP.NET Core's global limiter (<c>RateLimiterOptions.GlobalLimiter</c>), driven by the current config generation.
/// A global limiter sees the <see cref="HttpContext"/> of each acquisition, which a named endpoint policy does not:
/// that is how each decision reaches the response (RateLimit headers on successes too) and how policies defined in
/// <c>gateway.json</c> follow a reload. Memory quotas live in a partitioned limiter keyed by policy definition and
/// partition; Redis quotas are decided by the store, with the same local quotas as the fail-open fallback.
/// </summary>
internal sealed class GatewayRateLimiter : PartitionedRateLimiter<HttpContext>
{
    private static readonly RateLimitLease s_unlimited = new PlainLease(acquired: true);

    // Refusing the synchronous attempt makes the middleware ask again asynchronously, where Redis is called.
    private static readonly RateLimitLease s_askAsync = new PlainLease(acquired: false);

    private readonly GatewaySnapshotAccessor _snapshots;
    private readonly RedisRateLimitStore _store;
    private readonly RateLimitCounters _counters;
    private readonly PartitionedRateLimiter<HttpContext> _local;

    public GatewayRateLimiter(GatewaySnapshotAccessor snapshots, RedisRateLimitStore store, RateLimitCounters counters, TimeProvider time)
    {
        _snapshots = snapshots;
        _store = store;
        _counters = counters;
        _local = PartitionedRateLimiter.Create<HttpContext, LimiterKey>(context =>
        {
            var key = context.Features.GetRequiredFeature<RateLimitFeature>().Target.Key;
            return RateLimitPartition.Get(key, k => k.Spec.Shape is { } shape
                ? new LocalQuotaLimiter(QuotaCounter.Create(shape), time)
                : new ConcurrencyLimiter(new ConcurrencyLimiterOptions
                {
                    PermitLimit = k.Spec.ConcurrencyLimit,
                    QueueLimit = k.Spec.QueueLimit,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                }));
        });
    }

    public override RateLimiterStatistics? GetStatistics(HttpContext resource) =>
        resource.Features.Get<RateLimitFeature>() is null ? null : _local.GetStatistics(resource);

    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount)
    {
        if (Prepare(resource) is not { } feature)
        {
            return s_unlimited;
        }

        var lease = feature.Target.UsesRedis
            ? _store.MayDecide(feature.Redis!) ? s_askAsync : WithoutStore(resource, feature, permitCount)
            : Record(resource, feature, _local.AttemptAcquire(resource, permitCount));
        if (!lease.IsAcquired && lease != s_askAsync && feature.Target.Policy.Spec.Shape is not null)
        {
            // Time-based limits never queue: the middleware's asynchronous retry gets the same answer, counted once.
            feature.FinalRefusal = lease;
        }

        return lease;
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken)
    {
        if ((resource.Features.Get<RateLimitFeature>() ?? Prepare(resource)) is not { } feature)
        {
            return s_unlimited;
        }

        if (feature.FinalRefusal is { } refusal)
        {
            return refusal;
        }

        if (feature.Target.UsesRedis)
        {
            return await _store.TryDecideAsync(feature.Redis!, feature.Target) is { } decision
                ? Record(resource, feature, new DecisionLease(decision))
                : WithoutStore(resource, feature, permitCount);
        }

        return Record(resource, feature, await _local.AcquireAsync(resource, permitCount, cancellationToken));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _local.Dispose();
        }

        base.Dispose(disposing);
    }

    private RateLimitFeature? Prepare(HttpContext context)
    {
        var rateLimiting = _snapshots.Current.RateLimiting;
        if (RateLimitTargetResolver.Resolve(context, rateLimiting) is not { } target)
        {
            return null;
        }

        // The store settings come from the same generation as the policy.
        var feature = new RateLimitFeature(target) { Redis = rateLimiting.Redis };
        context.Features.Set(feature);
        return feature;
    }

    private RateLimitLease WithoutStore(HttpContext context, RateLimitFeature feature, int permitCount)
    {
        if (feature.Redis!.WhenUnavailable == RedisFailureMode.FailClosed)
        {
            _counters.RefusedClosed();
            // Retry-After: the reconnection pace; no RateLimit fields, as no quota is known.
            var lease = new DecisionLease(RateLimitDecision.Refuse(feature.Redis.ReconnectMilliseconds), RateLimitRefusal.StoreUnavailable);
            feature.StoreUnavailable = true;
            return Record(context, feature, lease);
        }

        _counters.DecidedLocally();
        return Record(context, feature, _local.AttemptAcquire(context, permitCount));
    }

    private RateLimitLease Record(HttpContext context, RateLimitFeature feature, RateLimitLease lease)
    {
        if (lease.TryGetMetadata(DecisionLease.DecisionName, out var decision))
        {
            feature.Decision = decision;
        }
        else
        {
            // The built-in concurrency limiter: what is left is what its statistics say.
            var available = _local.GetStatistics(context)?.CurrentAvailablePermits ?? 0;
            feature.Decision = lease.IsAcquired ? RateLimitDecision.Allow(available, null) : new RateLimitDecision(false, 0, null, 0);
        }

        RateLimitResponseHeaders.Register(context, feature);
        return lease;
    }

    private sealed class PlainLease(bool acquired) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
