using Gateway.Errors;
using Gateway.Middleware;

namespace Gateway.Kestrel;

/// <summary>
/// Answers <c>TRACE</c> (and IIS's <c>TRACK</c>) itself and never forwards it: a backend that honours it echoes the
/// request as it arrived, with the headers the gateway adds upstream (identity, forwarding, trace context) and any
/// cookie or credential (cross-site tracing). NGINX refuses TRACE the same way; the 405 is mapped by the profile.
/// <c>CONNECT</c> (a tunnel request, RFC 9110 §9.3.6) is refused the same way: the gateway opens no tunnels, and
/// YARP cannot forward it, so it would otherwise be reported as an upstream failure (500/502) that never happened.
/// </summary>
internal sealed partial class TraceMethodGuardMiddleware(RequestDelegate next, ErrorResponseWriter writer, ILogger<TraceMethodGuardMiddleware> logger)
{
    private const string Message = "The TRACE method is not allowed.";
    private const string ConnectMessage = "The CONNECT method is not allowed.";

    public Task InvokeAsync(HttpContext context)
    {
        var method = context.Request.Method;
        var connect = HttpMethods.IsConnect(method);
        if (!connect && !HttpMethods.IsTrace(method) && !method.Equals("TRACK", StringComparison.OrdinalIgnoreCase))
        {
            return next(context);
        }

        Log.Refused(logger, method);
        context.Features.Get<GatewayRequestFeature>()?.Changes |= GatewayChanges.RequestRejected;
        return writer.WriteAsync(context, StatusCodes.Status405MethodNotAllowed, connect ? ConnectMessage : Message);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Request refused before forwarding: {Method} is not forwarded")]
        public static partial void Refused(ILogger logger, string method);
    }
}
