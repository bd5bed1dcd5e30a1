using Gateway.Configuration;
using Gateway.Middleware;
using Microsoft.AspNetCore.Http.Features;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Gateway.Proxy.Retry;

/// <summary>
/// Proxy-pipeline step before load balancing: re-runs the rest of the pipeline when an attempt failed before any
/// byte went to the client, preferring a destination not tried yet (<c>Gateway:Clusters:&lt;id&gt;:Retries</c>).
/// Only listed idempotent methods without a request body are retried: the body streams upstream unbuffered.
/// </summary>
internal sealed partial class RetryMiddleware(RequestDelegate next, GatewaySnapshotAccessor snapshots, ILogger<RetryMiddleware> logger)
{
    // Not async when the request cannot be retried: no state machine per request on the success path.
    public Task InvokeAsync(HttpContext context)
    {
        var proxy = context.GetReverseProxyFeature();
        if (!snapshots.Current.Retries.TryGetValue(proxy.Cluster.Config.ClusterId, out var policy)
            || !policy.RetriesMethod(context.Request.Method)
            || HasBody(context))
        {
            return next(context);
        }

        return ForwardWithRetriesAsync(context, proxy, policy);
    }

    private async Task ForwardWithRetriesAsync(HttpContext context, IReverseProxyFeature proxy, RetryPolicy policy)
    {
        var attempt = new RetryAttemptFeature(policy);
        if (policy.Statuses.Count > 0)
        {
            context.Features.Set(attempt); // for the response gate, which discards retryable statuses
        }

        // Headers earlier steps set directly survive a retry; the upstream's are dropped with the failed attempt.
        var headersBefore = context.Response.Headers.ToArray();
        List<DestinationState>? tried = null; // most requests are never retried
        for (var retry = 1; ; retry++)
        {
            await next(context);

            var reason = RetryReason.Of(context, attempt);
            if (reason is null || context.Response.HasStarted)
            {
                return;
            }

            if (proxy.ProxiedDestination is { } failed)
            {
                (tried ??= new List<DestinationState>(policy.MaxRetries + 1)).Add(failed);
            }

            var delay = policy.DelayBefore(retry);
            Log.Retrying(logger, proxy.Cluster.Config.ClusterId, proxy.ProxiedDestination?.DestinationId, reason, retry, delay.TotalMilliseconds);
            if (delay > TimeSpan.Zero && !await WaitAsync(delay, context.RequestAborted))
            {
                return; // the client left during the backoff
            }

            Reset(context, proxy, headersBefore, tried ?? []);
            attempt.StartNextAttempt();
            if (context.Features.Get<GatewayRequestFeature>() is { } feature)
            {
                feature.Changes |= GatewayChanges.Retried;
                feature.UpstreamStatus = null;
            }
        }
    }

    private static async Task<bool> WaitAsync(TimeSpan delay, CancellationToken aborted)
    {
        try
        {
            await Task.Delay(delay, aborted);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    internal static bool HasBody(HttpContext context) =>
        context.Request.ContentLength is > 0
        || (context.Request.ContentLength is null && context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true);

    private static void Reset(HttpContext context, IReverseProxyFeature proxy, KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>[] headersBefore, List<DestinationState> tried)
    {
        context.Response.Clear();
        foreach (var (name, value) in headersBefore)
        {
            context.Response.Headers[name] = value;
        }

        context.Features.Set<IForwarderErrorFeature>(null);
        proxy.ProxiedDestination = null;

        // The cluster's current set, so a destination passive health just marked down is left out.
        var available = proxy.Route.Cluster?.DestinationsState.AvailableDestinations ?? proxy.AvailableDestinations;
        var untried = available.Where(d => !tried.Contains(d)).ToArray();
        proxy.AvailableDestinations = untried.Length > 0 ? untried : available;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Retrying upstream request to cluster {ClusterId} (destination {DestinationId} failed: {Reason}); retry {Retry} after {DelayMs:0} ms")]
        public static partial void Retrying(ILogger logger, string clusterId, string? destinationId, string reason, int retry, double delayMs);
    }
}
