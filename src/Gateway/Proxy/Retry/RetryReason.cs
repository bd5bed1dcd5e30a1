using System.Net.Http;
using Microsoft.AspNetCore.Http.Timeouts;
using Yarp.ReverseProxy.Forwarder;

namespace Gateway.Proxy.Retry;

/// <summary>Why an attempt may be retried: decided from the discarded status or YARP's forwarder error.</summary>
internal static class RetryReason
{
    /// <summary>The retry reason for the log ("Status503", "ConnectFailure" …), or null when the attempt stands.</summary>
    public static string? Of(HttpContext context, RetryAttemptFeature attempt)
    {
        if (attempt.DiscardedStatus is { } status)
        {
            return "Status" + status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (attempt.RetriesLeft <= 0 || context.GetForwarderErrorFeature() is not { } error)
        {
            return null;
        }

        if (NothingToRetryFor(context))
        {
            return null;
        }

        var conditions = attempt.Policy.Conditions;
        return error.Error switch
        {
            ForwarderError.Request when IsConnectFailure(error.Exception) => Named(RetryConditions.ConnectFailure, conditions),
            ForwarderError.Request when ClosedConnectionRetry.IsReset(error.Exception) =>
                Named(RetryConditions.Reset, conditions) ?? Named(RetryConditions.ClosedConnection, conditions),
            ForwarderError.Request => Named(RetryConditions.Reset, conditions),
            ForwarderError.RequestTimedOut => Named(RetryConditions.Timeout, conditions),
            _ => null,
        };
    }

    /// <summary>The route's own timeout, or the client leaving, cancelled the request: nothing is left to retry for.</summary>
    public static bool NothingToRetryFor(HttpContext context) =>
        context.RequestAborted.IsCancellationRequested
        || context.Features.Get<IHttpRequestTimeoutFeature>()?.RequestTimeoutToken.IsCancellationRequested == true;

    private static string? Named(RetryConditions condition, RetryConditions allowed) =>
        allowed.HasFlag(condition) ? condition.ToString() : null;

    private static bool IsConnectFailure(Exception? exception) =>
        exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError }
        && exception.InnerException is System.Net.Sockets.SocketException or null;
}
