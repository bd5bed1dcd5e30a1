using System.Buffers.Binary;
using System.Diagnostics;

namespace Gateway.Observability;

/// <summary>
/// Tracing with no exporter: the server and HttpClient activities exist (so the trace id reaches the upstream's
/// <c>traceparent</c> and every log line) but record no data. The OpenTelemetry SDK would record them and YARP's
/// forwarder span, enrich them through diagnostic events and then drop them: work per request that nobody can read.
/// YARP's span is not created at all here: with nothing exported it only sits between the other two.
/// The sampled flag sent upstream follows the same rule as with an exporter: a caller's decision, else the ratio.
/// </summary>
internal sealed class PropagationOnlyTracing(double sampleRatio) : IHostedLifecycleService, IDisposable
{
    /// <summary>The request's own activity and the one whose span id the upstream receives.</summary>
    internal static readonly string[] Sources = ["Microsoft.AspNetCore", "System.Net.Http"];

    private const int W3CIdLength = 55;

    private readonly long _idUpperBound = UpperBound(sampleRatio);
    private ActivityListener? _listener;

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        // Before Kestrel starts: no request may go out without a trace context.
        _listener = new ActivityListener
        {
            ShouldListenTo = static source => Array.IndexOf(Sources, source.Name) >= 0,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.PropagationData,
            ActivityStarted = MarkSampled,
        };
        ActivitySource.AddActivityListener(_listener);
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _listener?.Dispose();

    /// <summary>
    /// ParentBased(TraceIdRatioBased): a child follows its parent's flag, a new trace is kept by ratio. An activity
    /// that records nothing does not inherit the flag, so it is read from the parent here.
    /// </summary>
    internal bool IsSampled(Activity activity)
    {
        if (activity.Parent is { } local)
        {
            return local.Recorded;
        }

        if (!activity.HasRemoteParent)
        {
            return _idUpperBound == long.MaxValue || LowerLong(activity.TraceId) < _idUpperBound;
        }

        // A caller's traceparent, kept as "00-{trace id}-{span id}-{flags}": the sampled bit is the flags' lowest.
        var parentId = activity.ParentId;
        return parentId is { Length: W3CIdLength } && (parentId[^1] is '1' or '3' or '5' or '7' or '9' or 'b' or 'd' or 'f' or 'B' or 'D' or 'F');
    }

    private void MarkSampled(Activity activity)
    {
        if (IsSampled(activity))
        {
            activity.ActivityTraceFlags |= ActivityTraceFlags.Recorded;
        }
    }

    // The same arithmetic as OpenTelemetry's TraceIdRatioBasedSampler, so a ratio keeps the same traces.
    private static long UpperBound(double ratio) => ratio switch
    {
        >= 1.0 => long.MaxValue,
        <= 0.0 => long.MinValue,
        _ => (long)(ratio * long.MaxValue),
    };

    private static long LowerLong(ActivityTraceId traceId)
    {
        Span<byte> bytes = stackalloc byte[16];
        traceId.CopyTo(bytes);
        return BinaryPrimitives.ReadInt64BigEndian(bytes) & long.MaxValue;
    }
}
