using System.Diagnostics;
using Gateway.Health;
using Gateway.Middleware;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Gateway.Observability;

/// <summary>
/// Sibling of the completion log line: tags the request's activity with the correlation id, then records the
/// request's metrics once, at completion, from what the pipeline recorded (route, cluster, status, changes, leaks,
/// forwarder error). Health probes are not counted.
/// </summary>
internal sealed class RequestMetricsRecorder(GatewayMetrics metrics)
{
    /// <summary>Whether the request is measured; tags its activity when it is.</summary>
    public static bool Begin(HttpContext context, GatewayRequestFeature feature)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments(HealthTags.LivePath) || path.StartsWithSegments(HealthTags.ReadyPath))
        {
            return false;
        }

        // A tag on an activity that records nothing would still allocate.
        if (Activity.Current is { IsAllDataRequested: true } activity)
        {
            activity.SetTag(GatewayTelemetry.CorrelationIdTag, feature.CorrelationId);
        }

        return true;
    }

    public void Record(HttpContext context, GatewayRequestFeature feature, long start)
    {
        // Requests answered before the proxy ran (401/403/429 …) have their route on the endpoint only.
        var proxy = context.Features.Get<IReverseProxyFeature>();
        var route = proxy?.Route ?? context.GetEndpoint()?.Metadata.GetMetadata<RouteModel>();
        metrics.RequestCompleted(new RequestOutcome(
            route?.Config.RouteId ?? GatewayTelemetry.None,
            proxy?.Cluster?.Config.ClusterId ?? route?.Cluster?.ClusterId ?? GatewayTelemetry.None,
            context.Response.StatusCode,
            feature.UpstreamStatus,
            feature.Changes,
            feature.Leaks,
            context.GetForwarderErrorFeature()?.Error ?? ForwarderError.None,
            Stopwatch.GetElapsedTime(start).TotalSeconds));
    }
}
