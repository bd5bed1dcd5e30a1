using Gateway.Errors;
using Gateway.Configuration;
using Gateway.Middleware;
using Gateway.Proxy.Retry;
using Microsoft.AspNetCore.Http.Timeouts;
using Yarp.ReverseProxy.Forwarder;

namespace Gateway.Proxy;

/// <summary>
/// Proxy-pipeline step: when the upstream was refused, reset or timed out, YARP leaves a bare 502/504; this turns
/// it into the profile's 5xx with payload (and YARP's bare 503 when no destination is healthy). Runs after <c>await next()</c> and only while nothing was sent.
/// </summary>
internal sealed partial class ForwarderErrorMiddleware(
    RequestDelegate next, ErrorResponseWriter writer, GatewaySnapshotAccessor snapshots, ILogger<ForwarderErrorMiddleware> logger)
{
    private const string NoDestinationMessage = "No healthy upstream server is available. Try again later.";

    public async Task InvokeAsync(HttpContext context)
    {
        var proxy = context.GetReverseProxyFeature();
        var retryReset = ClosedConnectionRetry.Applies(context, snapshots.Current, proxy);
        // A failed attempt changes no header unless a route transform runs on failure: then it is not undone, not retried.
        var headerCount = context.Response.Headers.Count;
        await next(context);

        for (var retry = 1; retryReset && retry <= ClosedConnectionRetry.MaxRetries && ClosedConnectionRetry.Failed(context)
            && context.Response.Headers.Count == headerCount; retry++)
        {
            Log.Retrying(logger, proxy.Cluster.Config.ClusterId, proxy.ProxiedDestination?.DestinationId, retry);
            ClosedConnectionRetry.PrepareNextAttempt(context, proxy);
            await next(context);
        }

        var errorFeature = context.GetForwarderErrorFeature();
        if (errorFeature is null || errorFeature.Error == ForwarderError.None)
        {
            return;
        }

        var timedOut = context.Features.Get<IHttpRequestTimeoutFeature>()?.RequestTimeoutToken.IsCancellationRequested == true;
        // The route timeout cancels RequestAborted too; only a cancellation without it means the client left.
        var clientGone = !timedOut && context.RequestAborted.IsCancellationRequested;

        var feature = context.Features.Get<GatewayRequestFeature>();
        if (feature is not null && !clientGone && errorFeature.Error != ForwarderError.RequestBodyClient)
        {
            feature.Changes |= GatewayChanges.UpstreamFailed;
        }

        Log.ForwardFailed(logger, errorFeature.Error, timedOut, errorFeature.Exception?.Message);
        if (context.Response.HasStarted || clientGone)
        {
            return; // YARP already aborted the client connection where bytes were sent.
        }

        var status = errorFeature.Error switch
        {
            _ when timedOut => StatusCodes.Status504GatewayTimeout,
            ForwarderError.RequestTimedOut => StatusCodes.Status504GatewayTimeout,
            // The client's own body was at fault (too large, bad chunking, too slow): YARP chose 400/408/413.
            ForwarderError.RequestBodyClient => context.Response.StatusCode is >= 400 and < 500 ? context.Response.StatusCode : StatusCodes.Status400BadRequest,
            // Every destination is down (health checks) or none is configured: YARP's bare 503.
            ForwarderError.NoAvailableDestinations => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status502BadGateway,
        };
        await writer.WriteAsync(context, status, status == StatusCodes.Status503ServiceUnavailable ? NoDestinationMessage : null);
    }

    private static partial class Log
    {
        [LoggerMessage(2, LogLevel.Information, "Retrying upstream request to cluster {ClusterId} (destination {DestinationId} failed: ClosedConnection); retry {Retry} at once")]
        public static partial void Retrying(ILogger logger, string clusterId, string? destinationId, int retry);

        [LoggerMessage(1, LogLevel.Warning, "Upstream request failed: {ForwarderError} (timed out: {TimedOut}): {Reason}")]
        public static partial void ForwardFailed(ILogger logger, ForwarderError forwarderError, bool timedOut, string? reason);
    }
}
