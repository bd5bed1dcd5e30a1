using System.Collections.Frozen;
using System.Globalization;
using Gateway.Configuration;
using Yarp.ReverseProxy.Configuration;

namespace Gateway.Proxy.Retry;

/// <summary>Checks and compiles <c>Gateway:Clusters:&lt;id&gt;:Retries</c>; each problem carries its config path.</summary>
internal static class RetryPolicyCompiler
{
    public const int MaxRetriesLimit = 5;
    public const int MaxBackoffMilliseconds = 10_000;
    private const string StatusPrefix = "Status";

    // RFC 9110 §9.2.2: methods whose repetition has the same effect. POST and PATCH are never retried.
    private static readonly FrozenSet<string> s_idempotent =
        FrozenSet.ToFrozenSet(["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The methods a retry may send again (idempotent ones).</summary>
    public static FrozenSet<string> IdempotentMethods => s_idempotent;

    private static readonly string[] s_defaultMethods = ["GET", "HEAD", "OPTIONS"];
    private static readonly string[] s_defaultOn = ["ConnectFailure", "Reset", "Status502", "Status503", "Status504"];

    public static FrozenDictionary<string, RetryPolicy> Compile(GatewayOptions options, IReadOnlyList<ClusterConfig> clusters, List<ConfigProblem> problems)
    {
        var known = new HashSet<string>(clusters.Select(c => c.ClusterId), StringComparer.OrdinalIgnoreCase);
        var result = new Dictionary<string, RetryPolicy>(StringComparer.OrdinalIgnoreCase);
        foreach (var (clusterId, cluster) in options.Clusters)
        {
            if (cluster.Retries is not { } retries)
            {
                continue;
            }

            // An unknown cluster id is reported once, by the cluster-cap compiler.
            var path = $"{GatewayOptions.SectionName}:Clusters:{clusterId}:Retries";
            if (Compile(retries, path, problems) is { } policy && known.Contains(clusterId))
            {
                result[clusterId] = policy;
            }
        }

        return result.ToFrozenDictionary(
            p => p.Key,
            p => options.Clusters.GetValueOrDefault(p.Key)?.RetryClosedConnections == false
                ? p.Value
                : p.Value with { Conditions = p.Value.Conditions | RetryConditions.ClosedConnection },
            StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The clusters whose reset connections <see cref="ClosedConnectionRetry"/> retries: those without a <c>Retries</c>
    /// policy (a policy gets <see cref="RetryConditions.ClosedConnection"/> instead) that do not turn it off.
    /// </summary>
    public static FrozenSet<string> ClosedConnectionClusters(GatewayOptions options, IReadOnlyList<ClusterConfig> clusters) =>
        clusters
            .Where(c => options.Clusters.GetValueOrDefault(c.ClusterId) is not { } settings
                || (settings.Retries is null && settings.RetryClosedConnections))
            .Select(c => c.ClusterId)
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static RetryPolicy? Compile(RetryOptions retries, string path, List<ConfigProblem> problems)
    {
        var count = problems.Count;
        if (retries.MaxRetries is < 1 or > MaxRetriesLimit)
        {
            problems.Add(new($"{path}:MaxRetries", $"must be between 1 and {MaxRetriesLimit}"));
        }

        if (retries.BackoffMilliseconds is < 0 or > MaxBackoffMilliseconds)
        {
            problems.Add(new($"{path}:BackoffMilliseconds", $"must be between 0 and {MaxBackoffMilliseconds}"));
        }

        var methods = retries.Methods.Count == 0 ? s_defaultMethods : retries.Methods.ToArray();
        for (var i = 0; i < methods.Length; i++)
        {
            if (!s_idempotent.Contains(methods[i]))
            {
                problems.Add(new($"{path}:Methods:{i}", $"'{methods[i]}' is not an idempotent method; only GET, HEAD, OPTIONS, PUT, DELETE and TRACE can be retried"));
            }
        }

        var conditions = RetryConditions.None;
        var statuses = new HashSet<int>();
        var on = retries.On.Count == 0 ? s_defaultOn : retries.On.ToArray();
        for (var i = 0; i < on.Length; i++)
        {
            if (Enum.TryParse<RetryConditions>(on[i], ignoreCase: true, out var condition) && condition != RetryConditions.None
                && Enum.IsDefined(condition) && !on[i].Any(char.IsDigit))
            {
                conditions |= condition;
            }
            else if (TryParseStatus(on[i], out var status))
            {
                statuses.Add(status);
            }
            else
            {
                problems.Add(new($"{path}:On:{i}", $"'{on[i]}' is not ConnectFailure, Reset, ClosedConnection, Timeout or Status500 … Status599"));
            }
        }

        return problems.Count > count ? null : new RetryPolicy(
            retries.MaxRetries,
            conditions,
            statuses.ToFrozenSet(),
            methods.Select(m => m.ToUpperInvariant()).ToFrozenSet(StringComparer.OrdinalIgnoreCase),
            TimeSpan.FromMilliseconds(retries.BackoffMilliseconds));
    }

    private static bool TryParseStatus(string text, out int status)
    {
        status = 0;
        return text.StartsWith(StatusPrefix, StringComparison.OrdinalIgnoreCase)
            && int.TryParse(text.AsSpan(StatusPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out status)
            && status is >= 500 and <= 599;
    }
}
