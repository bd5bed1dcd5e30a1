using Gateway.Middleware;
using Yarp.ReverseProxy.Forwarder;

namespace Gateway.Proxy;

/// <summary>
/// Ends a response whose body a gateway step was copying itself (past a buffering bound, or after a first read) when
/// the copy failed: the connection is aborted, so the client sees a cut body, never a complete one. An upstream failure
/// is reported as YARP reports its own mid-body failures, so it is logged and counted, not taken for a clean 200.
/// </summary>
internal static class UpstreamBodyFailure
{
    public static void Abort(HttpContext httpContext, Exception exception)
    {
        // Read before Abort, which cancels it too: only a client that left has cancelled it already.
        if (!httpContext.RequestAborted.IsCancellationRequested)
        {
            httpContext.Features.Set<IForwarderErrorFeature>(new Failure(ForwarderError.ResponseBodyDestination, exception));
            if (httpContext.Features.Get<GatewayRequestFeature>() is { } feature)
            {
                feature.Changes |= GatewayChanges.UpstreamFailed;
            }
        }

        httpContext.Abort();
    }

    private sealed record Failure(ForwarderError Error, Exception? Exception) : IForwarderErrorFeature;
}
