using System.Collections.Frozen;
using System.Net;
using System.Text.RegularExpressions;
using Gateway.Configuration;
using Gateway.Transforms.RateLimiting;
using Yarp.ReverseProxy.Configuration;

namespace Gateway.RateLimiting;

/// <summary>
/// Checks and compiles rate limiting, trusted proxies and cluster caps for one config generation, and takes the
/// gateway's policy names out of the YARP routes: ASP.NET Core only knows policies registered at startup, so a route
/// naming a config-defined policy is handed to YARP without it, and the gateway's global limiter applies it.
/// </summary>
internal static partial class RateLimitConfigCompiler
{
    public const string RouteField = "RateLimiterPolicy";

    public static (RateLimitSnapshot Snapshot, IReadOnlyList<RouteConfig> ProxyRoutes) Compile(
        GatewayOptions options, IReadOnlyList<RouteConfig> routes, IReadOnlyList<ClusterConfig> clusters, List<ConfigProblem> problems)
    {
        const string Root = RateLimitingOptions.SectionName;
        var rateLimiting = options.RateLimiting;
        var redis = RedisSettingsCompiler.Compile(rateLimiting.Redis, $"{Root}:Redis", problems);

        var policies = new Dictionary<string, CompiledRateLimitPolicy>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, policy) in rateLimiting.Policies)
        {
            var path = $"{Root}:Policies:{name}";
            if (!PolicyName().IsMatch(name) || IsReserved(name))
            {
                problems.Add(new(path, "a policy name is 1-64 letters, digits, '.', '_' or '-', and not 'default' or 'disable'"));
                continue;
            }

            if (RateLimitPolicyCompiler.Compile(name, policy, path, redis is not null, problems) is { } compiled)
            {
                policies[name] = compiled;
            }
        }

        CompiledRateLimitPolicy? defaultPolicy = null;
        if (rateLimiting.DefaultPolicy is { Length: > 0 } defaultName && !policies.TryGetValue(defaultName, out defaultPolicy)
            && !rateLimiting.Policies.ContainsKey(defaultName))
        {
            problems.Add(new($"{Root}:DefaultPolicy", $"there is no policy '{defaultName}' in {Root}:Policies"));
        }

        var (proxyRoutes, routePolicies) = BindRoutes(routes, rateLimiting, policies, problems);
        var snapshot = new RateLimitSnapshot
        {
            RoutePolicies = routePolicies.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase),
            DefaultPolicy = defaultPolicy,
            ExemptClients = CompileClients(rateLimiting.Exempt.Clients, $"{Root}:Exempt:Clients", problems),
            ExemptNetworks = CompileNetworks(rateLimiting.Exempt.Networks, $"{Root}:Exempt:Networks", problems),
            TrustedProxies = [
                .. CompileNetworks(options.ForwardedHeaders.TrustedProxies, $"{TrustedProxyOptions.SectionName}:TrustedProxies", problems),
                .. CompileNetworks(options.ForwardedHeaders.TrustedNetworks, $"{TrustedProxyOptions.SectionName}:TrustedNetworks", problems),
            ],
            Redis = policies.Values.Any(p => p.Store == RateLimitStore.Redis) ? redis : null,
            ClusterCaps = CompileClusterCaps(options.Clusters, clusters, problems),
        };
        return (snapshot, proxyRoutes);
    }

    private static (List<RouteConfig>, Dictionary<string, CompiledRateLimitPolicy>) BindRoutes(
        IReadOnlyList<RouteConfig> routes, RateLimitingOptions rateLimiting, Dictionary<string, CompiledRateLimitPolicy> policies, List<ConfigProblem> problems)
    {
        var proxyRoutes = new List<RouteConfig>(routes.Count);
        var routePolicies = new Dictionary<string, CompiledRateLimitPolicy>(StringComparer.OrdinalIgnoreCase);
        foreach (var route in routes)
        {
            var name = route.RateLimiterPolicy;
            if (string.IsNullOrEmpty(name) || IsReserved(name))
            {
                proxyRoutes.Add(route); // "default" and "disable" keep their ASP.NET Core meaning
                continue;
            }

            if (policies.TryGetValue(name, out var policy))
            {
                routePolicies[route.RouteId] = policy;
            }
            else if (!rateLimiting.Policies.ContainsKey(name))
            {
                problems.Add(new($"ReverseProxy:Routes:{route.RouteId}:{RouteField}", $"there is no policy '{name}' in {RateLimitingOptions.SectionName}:Policies"));
            }

            proxyRoutes.Add(route with { RateLimiterPolicy = null });
        }

        return (proxyRoutes, routePolicies);
    }

    private static FrozenDictionary<string, ClusterCap> CompileClusterCaps(
        Dictionary<string, ClusterOptions> caps, IReadOnlyList<ClusterConfig> clusters, List<ConfigProblem> problems)
    {
        var known = new HashSet<string>(clusters.Select(c => c.ClusterId), StringComparer.OrdinalIgnoreCase);
        var result = new Dictionary<string, ClusterCap>(StringComparer.OrdinalIgnoreCase);
        foreach (var (clusterId, cluster) in caps)
        {
            var path = $"{GatewayOptions.SectionName}:Clusters:{clusterId}";
            if (!known.Contains(clusterId))
            {
                problems.Add(new(path, $"there is no cluster '{clusterId}' in ReverseProxy:Clusters"));
            }

            if (cluster.RejectionStatus is not (429 or 503))
            {
                problems.Add(new($"{path}:RejectionStatus", "must be 429 or 503"));
            }

            if (cluster.MaxConcurrentRequests is { } max)
            {
                if (max is < 1 or > 1_000_000)
                {
                    problems.Add(new($"{path}:MaxConcurrentRequests", "must be between 1 and 1000000"));
                }
                else
                {
                    result[clusterId] = new ClusterCap(max, cluster.RejectionStatus);
                }
            }
        }

        return result.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static IPNetwork[] CompileNetworks(List<string> texts, string path, List<ConfigProblem> problems)
    {
        var networks = new List<IPNetwork>(texts.Count);
        for (var i = 0; i < texts.Count; i++)
        {
            if (ClientAddressResolver.TryParseNetwork(texts[i], out var network))
            {
                networks.Add(network);
            }
            else
            {
                problems.Add(new($"{path}:{i}", $"'{texts[i]}' is not an IP address or CIDR network"));
            }
        }

        return [.. networks];
    }

    private static FrozenSet<string> CompileClients(List<string> clients, string path, List<ConfigProblem> problems)
    {
        for (var i = 0; i < clients.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(clients[i]))
            {
                problems.Add(new($"{path}:{i}", "must not be empty"));
            }
        }

        return clients.Where(c => !string.IsNullOrWhiteSpace(c)).ToFrozenSet(StringComparer.Ordinal);
    }

    private static bool IsReserved(string name) =>
        name.Equals("default", StringComparison.OrdinalIgnoreCase) || name.Equals("disable", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex PolicyName();
}
