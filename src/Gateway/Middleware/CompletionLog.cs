using System.Diagnostics;
using Gateway.Configuration;
using Gateway.Transforms.Errors;
using Yarp.ReverseProxy.Model;

namespace Gateway.Middleware;

/// <summary>One completion line per request: route, cluster, upstream and returned status, changes, duration.</summary>
/// <remarks>Never logs bodies, query strings or headers: they can carry secrets and the leaks being stripped.</remarks>
internal sealed partial class CompletionLog(ILoggerFactory loggers)
{
    // The category of the days this was its own middleware: operators' log queries filter on it.
    private readonly ILogger _logger = loggers.CreateLogger("Gateway.Middleware.RequestLogMiddleware");

    public void Write(HttpContext context, GatewayRequestFeature feature, RequestLogMode mode, long start)
    {
        if (!ShouldLog(mode, context.Response.StatusCode) || !_logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        var proxy = context.Features.Get<IReverseProxyFeature>();
        // Refused before the proxy step (401, 403, 429): the matched endpoint still names the route.
        var route = proxy?.Route ?? context.GetEndpoint()?.Metadata.GetMetadata<RouteModel>();
        Log.RequestCompleted(
            _logger,
            context.Request.Method,
            context.Request.Path.Value ?? "/",
            route?.Config.RouteId,
            proxy?.Cluster?.Config.ClusterId ?? route?.Config.ClusterId,
            feature.UpstreamStatus,
            context.Response.StatusCode,
            feature.Changes,
            feature.Leaks,
            Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }

    private static bool ShouldLog(RequestLogMode mode, int status) => mode switch
    {
        RequestLogMode.All => true,
        RequestLogMode.Errors => status >= 400,
        _ => false,
    };

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information,
            "{Method} {Path} route={RouteId} cluster={ClusterId} upstream={UpstreamStatus} status={StatusCode} changes={Changes} leaks={Leaks} in {ElapsedMs:0.0} ms")]
        public static partial void RequestCompleted(ILogger logger, string method, string path, string? routeId, string? clusterId,
            int? upstreamStatus, int statusCode, GatewayChanges changes, LeakKinds leaks, double elapsedMs);
    }
}
