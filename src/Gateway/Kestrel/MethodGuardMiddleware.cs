using Gateway.Errors;
using Gateway.Middleware;

namespace Gateway.Kestrel;

/// <summary>
/// Answers the methods the gateway must not forward as they came, itself:
/// <list type="bullet">
/// <item><c>TRACE</c> (and IIS's <c>TRACK</c>): a backend that honours it echoes the request as it arrived, with the
/// headers the gateway adds upstream (identity, forwarding, trace context) and any cookie or credential (cross-site
/// tracing). NGINX refuses TRACE the same way; the 405 is mapped by the profile.</item>
/// <item><c>CONNECT</c> (a tunnel, RFC 9110 §9.3.6): the gateway opens none, and YARP cannot forward it, so it would be
/// reported as an upstream failure (500/502) that never happened.</item>
/// <item>A standard method in other letters (<c>head</c>, <c>Post</c>): methods are case-sensitive (RFC 9110 §9.1),
/// so Kestrel serves <c>head</c> as an unknown method while YARP sends <c>HEAD</c> upstream, whose answer then lacks the
/// body its length announces (a bare 500). NGINX answers such a method 400.</item>
/// </list>
/// </summary>
internal sealed partial class MethodGuardMiddleware(RequestDelegate next, ErrorResponseWriter writer, ILogger<MethodGuardMiddleware> logger)
{
    private const string TraceMessage = "The TRACE method is not allowed.";
    private const string ConnectMessage = "The CONNECT method is not allowed.";
    private const string CaseMessage = "The request method is not valid; methods are case-sensitive.";

    // The methods YARP sends as HttpClient's own, whatever their case (TRACE and CONNECT are refused above).
    private static readonly string[] s_normalizedByYarp =
        [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete, HttpMethods.Options, HttpMethods.Patch];

    public Task InvokeAsync(HttpContext context)
    {
        var method = context.Request.Method;
        var (status, message) = method switch
        {
            _ when HttpMethods.IsTrace(method) || method.Equals("TRACK", StringComparison.OrdinalIgnoreCase)
                => (StatusCodes.Status405MethodNotAllowed, TraceMessage),
            _ when HttpMethods.IsConnect(method) => (StatusCodes.Status405MethodNotAllowed, ConnectMessage),
            _ when IsStandardInOtherCase(method) => (StatusCodes.Status400BadRequest, CaseMessage),
            _ => (0, null),
        };
        if (status == 0)
        {
            return next(context);
        }

        Log.Refused(logger, method);
        context.Features.Get<GatewayRequestFeature>()?.Changes |= GatewayChanges.RequestRejected;
        return writer.WriteAsync(context, status, message);
    }

    // Kestrel hands known methods over as the interned constants, so the common case costs reference comparisons.
    private static bool IsStandardInOtherCase(string method)
    {
        foreach (var standard in s_normalizedByYarp)
        {
            if (ReferenceEquals(method, standard))
            {
                return false;
            }
        }

        foreach (var standard in s_normalizedByYarp)
        {
            if (method.Equals(standard, StringComparison.OrdinalIgnoreCase))
            {
                return !method.Equals(standard, StringComparison.Ordinal);
            }
        }

        return false;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Request refused before forwarding: {Method} is not forwarded")]
        public static partial void Refused(ILogger logger, string method);
    }
}
