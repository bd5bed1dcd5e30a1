using System.Net.Sockets;
using Gateway.Configuration;
using Gateway.Middleware;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Gateway.Proxy.Retry;

/// <summary>
/// For clusters without a <c>Retries</c> policy: an idempotent bodiless request whose upstream connection was reset
/// before any response byte is sent again at once, up to <see cref="MaxRetries"/> times. That is the race a backend
/// loses when it closes a keep-alive connection the gateway is reusing; RFC 9110 §9.2.2 allows the retry and NGINX
/// makes it. Run by <see cref="ForwarderErrorMiddleware"/>, which awaits the attempt anyway: nothing is allocated for
/// the requests that succeed.
/// </summary>
internal static class ClosedConnectionRetry
{
    /// <summary>Another pooled connection can be closing too (a backend that closes after every response), hence three.</summary>
    public const int MaxRetries = 3;

    /// <summary>Whether the request may be sent again; decided before the first attempt.</summary>
    public static bool Applies(HttpContext context, GatewaySnapshot snapshot, IReverseProxyFeature proxy) =>
        snapshot.ClosedConnectionClusters.Contains(proxy.Cluster.Config.ClusterId)
        && RetryPolicyCompiler.IdempotentMethods.Contains(context.Request.Method)
        && !RetryMiddleware.HasBody(context);

    /// <summary>Whether the attempt just made failed on a reset connection, with nothing sent to the client yet.</summary>
    public static bool Failed(HttpContext context) =>
        context.GetForwarderErrorFeature() is { Error: ForwarderError.Request } error
        && IsReset(error.Exception)
        && !context.Response.HasStarted
        && !RetryReason.NothingToRetryFor(context);

    /// <summary>Undoes what the failed attempt left: YARP's 502, its error, the destination it picked.</summary>
    public static void PrepareNextAttempt(HttpContext context, IReverseProxyFeature proxy)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Features.Set<IForwarderErrorFeature>(null);
        proxy.ProxiedDestination = null;
        if (context.Features.Get<GatewayRequestFeature>() is { } feature)
        {
            feature.Changes |= GatewayChanges.Retried;
            feature.UpstreamStatus = null;
        }
    }

    /// <summary>
    /// A reset or aborted socket under the request's exception. A clean end of stream on a reused connection is
    /// re-sent by SocketsHttpHandler itself; one that reaches here came on a new connection: the backend failing.
    /// </summary>
    public static bool IsReset(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is SocketException { SocketErrorCode: SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown })
            {
                return true;
            }
        }

        return false;
    }
}
