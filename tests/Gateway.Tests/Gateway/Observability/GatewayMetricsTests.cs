using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Gateway.Configuration;
using Gateway.Middleware;
using Gateway.Observability;
using Gateway.Transforms.Errors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Forwarder;

namespace Gateway.Tests.Gateway.Observability;

public sealed class GatewayMetricsTests : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Name, long Value, Dictionary<string, object?> Tags)> _seen = new();
    private readonly FakeStoreState _store = new();

    public GatewayMetricsTests()
    {
        var services = new ServiceCollection();
        services.AddLogging().AddMetrics();
        services.AddReverseProxy().LoadFromMemory([], []);
        services.AddSingleton(new ConfigFilePath("/nonexistent/gateway.json"));
        services.AddSingleton<ConfigLoader>().AddSingleton<GatewaySnapshotAccessor>().AddSingleton<GatewayConfigStore>();
        services.AddSingleton<IRateLimitStoreState>(_store);
        services.AddSingleton<GatewayMetrics>();
        _services = services.BuildServiceProvider();
        Metrics = _services.GetRequiredService<GatewayMetrics>();

        var factory = _services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // Only this provider's meter: other tests' meters of the same name must not count here.
            if (instrument.Meter.Name == GatewayTelemetry.MeterName && instrument.Meter.Scope == factory)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, 1, tags));
        _listener.Start();
    }

    private GatewayMetrics Metrics { get; }

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }

    [Fact]
    public void RequestCompleted_Passthrough_OnlyDuration()
    {
        Metrics.RequestCompleted(Outcome(200, GatewayChanges.HeadersStripped));

        var only = Assert.Single(_seen);
        Assert.Equal("gateway.request.duration", only.Name);
        Assert.Equal("api", only.Tags["route"]);
        Assert.Equal("legacy", only.Tags["cluster"]);
        Assert.Equal(200, only.Tags["status_code"]);
    }

    [Fact]
    public void RequestCompleted_NormalizedRemappedLeaky_OneIncrementPerKind()
    {
        var leaks = LeakKinds.StackTrace | LeakKinds.SqlError | LeakKinds.FilePath | (LeakKinds)1024;
        Metrics.RequestCompleted(Outcome(409, GatewayChanges.ErrorNormalized | GatewayChanges.StatusRemapped | GatewayChanges.LeakRemoved, upstream: 500, leaks: leaks));

        Assert.Single(_seen, m => m.Name == "gateway.errors.normalized" && (int)m.Tags["status_code"]! == 409);
        var remap = Assert.Single(_seen, m => m.Name == "gateway.statuses.remapped");
        Assert.Equal(500, remap.Tags["upstream_status_code"]);
        Assert.Equal(409, remap.Tags["status_code"]);
        var kinds = _seen.Where(m => m.Name == "gateway.leaks.removed").Select(m => (string)m.Tags["kind"]!).Order().ToArray();
        Assert.Equal(["file_path", "other", "sql_error", "stack_trace"], kinds);
        Assert.DoesNotContain(_seen, m => m.Name == "gateway.responses.produced");
    }

    [Theory]
    [InlineData(ForwarderError.Request, "Request")]
    [InlineData(ForwarderError.RequestCanceled, "Timeout")]
    [InlineData(ForwarderError.RequestTimedOut, "Timeout")]
    [InlineData(ForwarderError.NoAvailableDestinations, "NoAvailableDestinations")]
    [InlineData(ForwarderError.ResponseBodyDestination, "ResponseBodyDestination")]
    public void RequestCompleted_UpstreamFailure_CountedByKindAndProduced(ForwarderError error, string kind)
    {
        Metrics.RequestCompleted(Outcome(502, GatewayChanges.UpstreamFailed | GatewayChanges.GatewayAnswered, error: error));

        var failure = Assert.Single(_seen, m => m.Name == "gateway.upstream.failures");
        Assert.Equal(kind, failure.Tags["kind"]);
        Assert.Equal("legacy", failure.Tags["cluster"]);
        Assert.Single(_seen, m => m.Name == "gateway.responses.produced" && (int)m.Tags["status_code"]! == 502);
    }

    [Theory]
    [InlineData("GatewayAnswered, AuthRejected", "api", "auth")]
    [InlineData("GatewayAnswered, RateLimited", "api", "rate_limit")]
    [InlineData("ConditionalAnswered", "api", "precondition")]
    [InlineData("GatewayAnswered, ConditionalAnswered", "api", "precondition")]
    [InlineData("GatewayAnswered, ClusterCapped", "api", "cluster_cap")]
    [InlineData("GatewayAnswered, RequestRejected", "api", "request_rejected")]
    [InlineData("GatewayAnswered, UpstreamFailed", "api", "upstream_failure")]
    [InlineData("GatewayAnswered", "(none)", "no_route")]
    [InlineData("GatewayAnswered", "api", "gateway")]
    public void Reason_FollowsTheAnsweringStepsFlag(string changes, string route, string expected) =>
        Assert.Equal(expected, GatewayMetrics.Reason(Enum.Parse<GatewayChanges>(changes), route));

    [Fact]
    public void RequestCompleted_WithAListener_AllocatesNothingPerRequest()
    {
        // A listener that keeps nothing: what remains is the instruments' own cost (tags, boxing).
        using var quiet = new MeterListener();
        quiet.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == GatewayTelemetry.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        quiet.SetMeasurementEventCallback<long>(static (_, _, _, _) => { });
        quiet.SetMeasurementEventCallback<double>(static (_, _, _, _) => { });
        quiet.Start();
        _listener.Dispose();
        var outcome = Outcome(409, GatewayChanges.ErrorNormalized | GatewayChanges.StatusRemapped | GatewayChanges.GatewayAnswered | GatewayChanges.UpstreamFailed,
            upstream: 500, leaks: LeakKinds.StackTrace | LeakKinds.SqlError, error: ForwarderError.Request);
        Metrics.RequestCompleted(outcome);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            Metrics.RequestCompleted(outcome);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void ClientSideForwarderError_WithoutUpstreamFailedFlag_NotCounted()
    {
        Metrics.RequestCompleted(Outcome(400, GatewayChanges.GatewayAnswered, error: ForwarderError.RequestBodyClient));

        Assert.DoesNotContain(_seen, m => m.Name == "gateway.upstream.failures");
    }

    [Fact]
    public void RateLimitStoreHook_ReadAtCollection_NothingWithoutAStore()
    {
        _listener.RecordObservableInstruments();
        Assert.DoesNotContain(_seen, m => m.Name.StartsWith("gateway.ratelimit", StringComparison.Ordinal));

        _store.Reading = new RateLimitStoreReading("redis", Available: false, Failures: 7, Outages: 2, FailOpenDecisions: 5, FailClosedRefusals: 0);
        _listener.RecordObservableInstruments();

        var available = Assert.Single(_seen, m => m.Name == "gateway.ratelimit.store.available");
        Assert.Equal(0, available.Value);
        Assert.Equal("redis", available.Tags["store"]);
        var events = _seen.Where(m => m.Name == "gateway.ratelimit.store.events").ToDictionary(m => (string)m.Tags["event"]!, m => m.Value);
        Assert.Equal(new Dictionary<string, long> { ["failure"] = 7, ["outage"] = 2, ["fail_open"] = 5, ["fail_closed"] = 0 }, events);
    }

    [Fact]
    public void ConfigInstruments_BeforeFirstLoad_ReportNoGeneration()
    {
        _listener.RecordObservableInstruments();

        Assert.DoesNotContain(_seen, m => m.Name == "gateway.config.generation");
        Assert.Single(_seen, m => m.Name == "gateway.config.last_reload_success" && m.Value == 1);
        Assert.Equal(2, _seen.Count(m => m.Name == "gateway.config.reloads" && m.Value == 0));
    }

    private static RequestOutcome Outcome(int status, GatewayChanges changes, int? upstream = null, LeakKinds leaks = LeakKinds.None, ForwarderError error = ForwarderError.None) =>
        new("api", "legacy", status, upstream, changes, leaks, error, 0.012);

    private void Record(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        _seen.Enqueue((instrument.Name, value, copy));
    }

    private sealed class FakeStoreState : IRateLimitStoreState
    {
        public RateLimitStoreReading? Reading { get; set; }

        public RateLimitStoreReading? Read() => Reading;
    }
}
