using System.Collections.Frozen;
using System.Diagnostics.Metrics;
using Gateway.Configuration;
using Gateway.Middleware;
using Gateway.Transforms.Errors;
using Yarp.ReverseProxy.Forwarder;
using static Gateway.Observability.GatewayTelemetry;

namespace Gateway.Observability;

/// <summary>
/// The gateway's instruments on the <c>Gateway</c> meter. Request-level ones are recorded once per request, at
/// completion, from what the pipeline recorded; config and rate-limit store state are observed at collection time.
/// Tags are low-cardinality only: route and cluster ids from config, status codes, leak and failure kinds.
/// </summary>
internal sealed class GatewayMetrics
{
    // The same boundaries as ASP.NET Core's http.server.request.duration, so both can share a panel.
    private static readonly double[] s_durationBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    private static readonly (LeakKinds Kind, string Name)[] s_leakNames =
    [
        (LeakKinds.StackTrace, "stack_trace"), (LeakKinds.SqlError, "sql_error"), (LeakKinds.FilePath, "file_path"),
        (LeakKinds.ConnectionString, "connection_string"), (LeakKinds.InternalHost, "internal_host"),
        (LeakKinds.ExceptionType, "exception_type"), (LeakKinds.DebugPage, "debug_page"),
    ];

    private static readonly LeakKinds s_knownLeaks = s_leakNames.Aggregate(LeakKinds.None, static (all, l) => all | l.Kind);

    private static readonly FrozenDictionary<ForwarderError, string> s_forwarderErrorNames =
        Enum.GetValues<ForwarderError>().ToFrozenDictionary(static e => e, static e => e.ToString());

    private readonly Histogram<double> _duration;
    private readonly Counter<long> _produced;
    private readonly Counter<long> _normalized;
    private readonly Counter<long> _leaks;
    private readonly Counter<long> _remapped;
    private readonly Counter<long> _upstreamFailures;

    public GatewayMetrics(IMeterFactory meterFactory, GatewayConfigStore store, IEnumerable<IRateLimitStoreState> rateLimitStores)
    {
        var meter = meterFactory.Create(MeterName);
        _duration = meter.CreateHistogram("gateway.request.duration", "s",
            "Time from the request entering the gateway to the response leaving it, by route, cluster and returned status.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = s_durationBuckets });
        _produced = meter.CreateCounter<long>("gateway.responses.produced", "{response}",
            "Responses the gateway wrote itself instead of forwarding the upstream's, by returned status and reason (auth, precondition, rate_limit, cluster_cap, request_rejected, upstream_failure, no_route, gateway).");
        _normalized = meter.CreateCounter<long>("gateway.errors.normalized", "{response}",
            "Upstream 4xx/5xx bodies replaced by the standard payload, by route and returned status.");
        _leaks = meter.CreateCounter<long>("gateway.leaks.removed", "{leak}",
            "Leaks found in upstream error bodies and kept from the client, one per kind per response.");
        _remapped = meter.CreateCounter<long>("gateway.statuses.remapped", "{response}",
            "Upstream statuses changed on the way to the client (a profile's nearest status, a status map, a rule, 5xx integrity errors to 409).");
        _upstreamFailures = meter.CreateCounter<long>("gateway.upstream.failures", "{failure}",
            "Forwarding failures caused by the upstream side (refused, reset, timed out, broken response), by YARP error kind.");

        meter.CreateObservableGauge("gateway.config.generation", () => ObserveGeneration(store), "{generation}",
            "The config generation in force (1 at startup, +1 per applied edit).");
        meter.CreateObservableCounter("gateway.config.reloads", () => ObserveReloads(store), "{reload}",
            "Config loads by result: applied (the startup load included) or refused (the last good config kept serving).");
        meter.CreateObservableGauge("gateway.config.last_reload_success", () => store.LastRejection.Count == 0 ? 1 : 0, "1",
            "1 when the last config edit was applied, 0 when it was refused (see the admin view for the reason).");

        var stores = rateLimitStores.ToArray();
        meter.CreateObservableGauge("gateway.ratelimit.store.available", () => ObserveStoreAvailability(stores), "1",
            "1 while the shared rate-limit store answers, 0 while it is away.");
        meter.CreateObservableCounter("gateway.ratelimit.store.events", () => ObserveStoreEvents(stores), "{event}",
            "Shared rate-limit store events: failure, outage, fail_open (decided without the store), fail_closed (refused without it).");
    }

    public void RequestCompleted(in RequestOutcome outcome)
    {
        var route = new KeyValuePair<string, object?>(RouteTag, outcome.Route);
        var status = new KeyValuePair<string, object?>(StatusTag, Status(outcome.Status));
        _duration.Record(outcome.Seconds, route, new KeyValuePair<string, object?>(ClusterTag, outcome.Cluster), status);

        var changes = outcome.Changes;
        // A 304 made from the upstream's 200 is the gateway's answer too, though it writes no error payload.
        if ((changes & (GatewayChanges.GatewayAnswered | GatewayChanges.ConditionalAnswered)) != 0)
        {
            _produced.Add(1, route, status, new KeyValuePair<string, object?>(ReasonTag, Reason(changes, outcome.Route)));
        }

        if ((changes & GatewayChanges.ErrorNormalized) != 0)
        {
            _normalized.Add(1, route, status);
        }

        if ((changes & GatewayChanges.StatusRemapped) != 0 && outcome.UpstreamStatus is { } upstream)
        {
            _remapped.Add(1, route, new KeyValuePair<string, object?>(UpstreamStatusTag, Status(upstream)), status);
        }

        if (outcome.Leaks != LeakKinds.None)
        {
            RecordLeaks(route, outcome.Leaks);
        }

        if ((changes & GatewayChanges.UpstreamFailed) != 0)
        {
            _upstreamFailures.Add(1, route, new KeyValuePair<string, object?>(ClusterTag, outcome.Cluster),
                new KeyValuePair<string, object?>(KindTag, FailureKind(outcome.ForwarderError)));
        }
    }

    /// <summary>Why the gateway answered itself, from the flags the answering step set.</summary>
    internal static string Reason(GatewayChanges changes, string route) => changes switch
    {
        _ when (changes & GatewayChanges.AuthRejected) != 0 => "auth",
        _ when (changes & GatewayChanges.ConditionalAnswered) != 0 => "precondition",
        _ when (changes & GatewayChanges.RateLimited) != 0 => "rate_limit",
        _ when (changes & GatewayChanges.ClusterCapped) != 0 => "cluster_cap",
        _ when (changes & GatewayChanges.RequestRejected) != 0 => "request_rejected",
        _ when (changes & GatewayChanges.UpstreamFailed) != 0 => "upstream_failure",
        _ when route == None => "no_route",
        _ => "gateway", // an exception inside the gateway, a request over a limit …
    };

    /// <summary>YARP's error name; a cancelled forward that was the upstream's fault is the route timeout firing.</summary>
    internal static string FailureKind(ForwarderError error) => error switch
    {
        ForwarderError.RequestCanceled or ForwarderError.RequestTimedOut => "Timeout",
        _ => s_forwarderErrorNames.GetValueOrDefault(error, "Other"),
    };

    private void RecordLeaks(KeyValuePair<string, object?> route, LeakKinds leaks)
    {
        foreach (var (kind, name) in s_leakNames)
        {
            if ((leaks & kind) != 0)
            {
                _leaks.Add(1, route, new KeyValuePair<string, object?>(KindTag, name));
            }
        }

        if ((leaks & ~s_knownLeaks) != 0)
        {
            _leaks.Add(1, route, new KeyValuePair<string, object?>(KindTag, "other"));
        }
    }

    private static IEnumerable<Measurement<long>> ObserveGeneration(GatewayConfigStore store)
    {
        GatewaySnapshot snapshot;
        try
        {
            snapshot = store.Current;
        }
        catch (InvalidOperationException)
        {
            yield break; // not loaded yet
        }

        yield return new Measurement<long>(snapshot.Generation);
    }

    private static Measurement<long>[] ObserveReloads(GatewayConfigStore store) =>
    [
        new(store.AppliedCount, new KeyValuePair<string, object?>(ResultTag, "applied")),
        new(store.RefusedCount, new KeyValuePair<string, object?>(ResultTag, "refused")),
    ];

    private static IEnumerable<Measurement<int>> ObserveStoreAvailability(IRateLimitStoreState[] stores)
    {
        foreach (var state in stores)
        {
            if (state.Read() is { } reading)
            {
                yield return new Measurement<int>(reading.Available ? 1 : 0, new KeyValuePair<string, object?>(StoreTag, reading.Store));
            }
        }
    }

    private static IEnumerable<Measurement<long>> ObserveStoreEvents(IRateLimitStoreState[] stores)
    {
        foreach (var state in stores)
        {
            if (state.Read() is not { } r)
            {
                continue;
            }

            var store = new KeyValuePair<string, object?>(StoreTag, r.Store);
            yield return new Measurement<long>(r.Failures, store, new KeyValuePair<string, object?>(EventTag, "failure"));
            yield return new Measurement<long>(r.Outages, store, new KeyValuePair<string, object?>(EventTag, "outage"));
            yield return new Measurement<long>(r.FailOpenDecisions, store, new KeyValuePair<string, object?>(EventTag, "fail_open"));
            yield return new Measurement<long>(r.FailClosedRefusals, store, new KeyValuePair<string, object?>(EventTag, "fail_closed"));
        }
    }
}
