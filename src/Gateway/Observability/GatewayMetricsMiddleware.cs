using System.Diagnostics;
using Gateway.Health;
using Gateway.Middleware;
using Gateway.Transforms.Errors;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Gateway.Observability;

/// <summary>
/// Sibling of the completion log line: tags the request's activity with the correlation id, then records the
/// request's metrics once, at completion, from what the pipeline recorded (route, cluster, status, changes, leaks,
/// forwarding error). Health probes are left out: they are not traffic.
/// </summary>
internal sealed class GatewayMetricsMiddleware(RequestDelegate next, GatewayMetrics metrics)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments(HealthTags.LivePath) || path.StartsWithSegments(HealthTags.ReadyPath))
        {
            await next(context);
            return;
        }

        var feature = context.Features.Get<GatewayRequestFeature>();
        // A tag on an activity that records nothing would still allocate.
        if (feature is not null && Activity.Current is { IsAllDataRequested: true } activity)
        {
            activity.SetTag(GatewayTelemetry.CorrelationIdTag, feature.CorrelationId);
        }

        var start = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            // Requests answered before the proxy ran (401/403/429 …) have their route on the endpoint only.
            var proxy = context.Features.Get<IReverseProxyFeature>();
            var route = proxy?.Route ?? context.GetEndpoint()?.Metadata.GetMetadata<RouteModel>();
            metrics.RequestCompleted(new RequestOutcome(
                route?.Config.RouteId ?? GatewayTelemetry.None,
                proxy?.Cluster?.Config.ClusterId ?? route?.Cluster?.ClusterId ?? GatewayTelemetry.None,
                context.Response.StatusCode,
                feature?.UpstreamStatus,
                feature?.Changes ?? GatewayChanges.None,
                feature?.Leaks ?? LeakKinds.None,
                context.GetForwarderErrorFeature()?.Error ?? ForwarderError.None,
                Stopwatch.GetElapsedTime(start).TotalSeconds));
        }
    }
}
