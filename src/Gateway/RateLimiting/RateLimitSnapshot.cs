using System.Collections.Frozen;
using System.Net;

namespace Gateway.RateLimiting;

/// <summary>The rate-limiting part of one config generation: policies per route, exemptions, trusted proxies, caps.</summary>
internal sealed class RateLimitSnapshot
{
    public static readonly RateLimitSnapshot Empty = new();

    /// <summary>Routes that name a gateway policy, by YARP route id.</summary>
    public FrozenDictionary<string, CompiledRateLimitPolicy> RoutePolicies { get; init; } =
        FrozenDictionary<string, CompiledRateLimitPolicy>.Empty;

    /// <summary>The policy of routes that name none, or null.</summary>
    public CompiledRateLimitPolicy? DefaultPolicy { get; init; }

    public FrozenSet<string> ExemptClients { get; init; } = FrozenSet<string>.Empty;

    public IReadOnlyList<IPNetwork> ExemptNetworks { get; init; } = [];

    public IReadOnlyList<IPNetwork> TrustedProxies { get; init; } = [];

    /// <summary>The Redis store, when at least one policy uses it.</summary>
    public RedisStoreSettings? Redis { get; init; }

    /// <summary>Concurrency caps by YARP cluster id.</summary>
    public FrozenDictionary<string, ClusterCap> ClusterCaps { get; init; } = FrozenDictionary<string, ClusterCap>.Empty;

    /// <summary>Whether any route is limited: a policy of its own or the default one.</summary>
    public bool HasPolicies => DefaultPolicy is not null || RoutePolicies.Count > 0;

    public CompiledRateLimitPolicy? PolicyFor(string routeId) =>
        RoutePolicies.TryGetValue(routeId, out var policy) ? policy : DefaultPolicy;
}
