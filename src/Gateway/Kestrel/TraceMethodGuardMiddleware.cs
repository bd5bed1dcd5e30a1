using Gateway.Errors;
using Gateway.Middleware;

namespace Gateway.Kestrel;

/// <summary>
/// Answers <c>TRACE</c> (and IIS's <c>TRACK</c>) itself and never forwards it: a backend that honours it echoes the
/// request as it arrived, with the headers the gateway adds upstream (identity, forwarding, trace context) and any
/// cookie or credential (cross-site tracing). NGINX refuses TRACE the same way; the 405 is mapped by the profile.
/// </summary>
internal sealed partial class TraceMethodGuardMiddleware(RequestDelegate next, ErrorResponseWriter writer, ILogger<TraceMethodGuardMiddleware> logger)
{
    private const string Message = "The TRACE method is not allowed.";

    public Task InvokeAsync(HttpContext context)
    {
        var method = context.Request.Method;
        if (!HttpMethods.IsTrace(method) && !method.Equals("TRACK", StringComparison.OrdinalIgnoreCase))
        {
            return next(context);
        }

        Log.Refused(logger, method);
        context.Features.Get<GatewayRequestFeature>()?.Changes |= GatewayChanges.RequestRejected;
        return writer.WriteAsync(context, StatusCodes.Status405MethodNotAllowed, Message);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Request refused before forwarding: {Method} would echo the request")]
        public static partial void Refused(ILogger logger, string method);
    }
}
