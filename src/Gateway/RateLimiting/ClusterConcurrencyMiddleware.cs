using Gateway.Configuration;
using Gateway.Errors;
using Gateway.Middleware;
using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy.Model;

namespace Gateway.RateLimiting;

/// <summary>
/// Proxy-pipeline step: caps the requests this replica forwards to a fragile cluster at once
/// (<c>Gateway:Clusters:&lt;id&gt;:MaxConcurrentRequests</c>). Past the cap the gateway answers itself, with
/// <c>Retry-After: 1</c>, and the backend never sees the request.
/// </summary>
internal sealed partial class ClusterConcurrencyMiddleware(
    RequestDelegate next,
    GatewaySnapshotAccessor snapshots,
    ClusterConcurrencyGate gate,
    RateLimitCounters counters,
    ErrorResponseWriter writer,
    ILogger<ClusterConcurrencyMiddleware> logger)
{
    private const string RetryAfterSeconds = "1";

    // Not async for uncapped clusters: no state machine per request on the success path.
    public Task InvokeAsync(HttpContext context)
    {
        var clusterId = context.Features.Get<IReverseProxyFeature>()?.Cluster?.Config.ClusterId;
        if (clusterId is null || !snapshots.Current.RateLimiting.ClusterCaps.TryGetValue(clusterId, out var cap))
        {
            return next(context);
        }

        if (!gate.TryEnter(clusterId, cap.MaxConcurrentRequests))
        {
            counters.ClusterCapRefused();
            Log.CapReached(logger, clusterId, cap.MaxConcurrentRequests);
            return RefuseAsync(context, cap.RejectionStatus);
        }

        return ForwardAndExitAsync(context, clusterId);
    }

    private async Task ForwardAndExitAsync(HttpContext context, string clusterId)
    {
        try
        {
            await next(context);
        }
        finally
        {
            gate.Exit(clusterId);
        }
    }

    private Task RefuseAsync(HttpContext context, int status)
    {
        if (context.Features.Get<GatewayRequestFeature>() is { } feature)
        {
            feature.Changes |= GatewayChanges.ClusterCapped;
        }

        // Set as the response starts: the error writer clears headers first.
        context.Response.OnStarting(static state =>
        {
            ((HttpResponse)state).Headers[HeaderNames.RetryAfter] = RetryAfterSeconds;
            return Task.CompletedTask;
        }, context.Response);
        return writer.WriteAsync(context, status, status == StatusCodes.Status429TooManyRequests
            ? "Too many requests for this service right now. Try again in a second."
            : "The service is busy. Try again in a second.");
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Cluster {ClusterId} has {MaxConcurrentRequests} requests in flight; request refused")]
        public static partial void CapReached(ILogger logger, string clusterId, int maxConcurrentRequests);
    }
}
