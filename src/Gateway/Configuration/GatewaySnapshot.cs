using System.Collections.Frozen;
using Gateway.RateLimiting;
using Yarp.ReverseProxy.Configuration;

namespace Gateway.Configuration;

/// <summary>One validated generation of the whole config; replaced as a unit, never mutated.</summary>
internal sealed class GatewaySnapshot
{
    public required long Generation { get; init; }

    public required GatewayOptions Options { get; init; }

    public required RoutePolicy DefaultPolicy { get; init; }

    public required FrozenDictionary<string, RoutePolicy> RoutePolicies { get; init; }

    public required IReadOnlyList<RouteConfig> Routes { get; init; }

    public required IReadOnlyList<ClusterConfig> Clusters { get; init; }

    /// <summary>Response header names to remove: the built-in list plus the configured extras.</summary>
    public required FrozenSet<string> StrippedHeaders { get; init; }

    /// <summary>Families of response headers to remove: the configured entries that end in <c>*</c>, without it.</summary>
    public IReadOnlyList<string> StrippedHeaderPrefixes { get; init; } = [];

    /// <summary>Request header names removed before forwarding: the built-in list minus the kept ones, plus extras.</summary>
    public FrozenSet<string> UntrustedRequestHeaders { get; init; } = FrozenSet<string>.Empty;

    /// <summary>Authentication and authorization settings.</summary>
    public Auth.AuthSnapshot Auth { get; init; } = Gateway.Auth.AuthSnapshot.Empty;

    /// <summary>Rate-limit policies per route, exemptions, trusted proxies, the Redis store and cluster caps.</summary>
    public RateLimitSnapshot RateLimiting { get; init; } = RateLimitSnapshot.Empty;

    /// <summary>CORS policies by name, resolved per request by <see cref="Cors.GatewayCorsPolicyProvider"/>.</summary>
    public Cors.CorsSnapshot Cors { get; init; } = Gateway.Cors.CorsSnapshot.Empty;

    /// <summary>Retry policies by cluster id; clusters not listed are not retried, except for reset connections.</summary>
    public FrozenDictionary<string, Proxy.Retry.RetryPolicy> Retries { get; init; } = FrozenDictionary<string, Proxy.Retry.RetryPolicy>.Empty;

    /// <summary>Clusters without a retry policy whose reset connections are retried (<see cref="Proxy.Retry.ClosedConnectionRetry"/>).</summary>
    public FrozenSet<string> ClosedConnectionClusters { get; init; } = FrozenSet<string>.Empty;

    public RoutePolicy PolicyFor(string? routeId) =>
        routeId is not null && RoutePolicies.TryGetValue(routeId, out var policy) ? policy : DefaultPolicy;
}
