using System.Diagnostics;
using Gateway.Configuration;
using Gateway.Logging;
using Serilog.Events;
using Yarp.ReverseProxy.Model;

namespace Gateway.Middleware;

/// <summary>One completion line per request: route, cluster, upstream and returned status, changes, duration.</summary>
/// <remarks>
/// Never logs bodies, query strings or headers: they can carry secrets and the leaks being stripped. Every request
/// writes it, so it is a <see cref="RequestLine"/>: a Serilog event built directly, the same line on stdout.
/// </remarks>
internal sealed class CompletionLog(ILoggerFactory loggers, Serilog.ILogger serilog)
{
    // The category of the days this was its own middleware: operators' log queries filter on it.
    public const string Category = "Gateway.Middleware.RequestLogMiddleware";

    private readonly RequestLine _line = new(serilog, loggers, Category, new EventId(1, "RequestCompleted"),
        "{Method} {Path} route={RouteId} cluster={ClusterId} upstream={UpstreamStatus} status={StatusCode} changes={Changes} leaks={Leaks} in {ElapsedMs:0.0} ms");

    public void Write(HttpContext context, GatewayRequestFeature feature, RequestLogMode mode, long start)
    {
        if (!ShouldLog(mode, context.Response.StatusCode) || !_line.IsEnabled)
        {
            return;
        }

        var proxy = context.Features.Get<IReverseProxyFeature>();
        // Refused before the proxy step (401, 403, 429): the matched endpoint still names the route.
        var route = proxy?.Route ?? context.GetEndpoint()?.Metadata.GetMetadata<RouteModel>();
        var request = context.Request;
        var path = new ScalarValue(request.Path.Value ?? "/");
        var properties = _line.Properties();
        properties["Method"] = ScalarCache.Method(request.Method);
        properties["Path"] = path;
        properties["RouteId"] = ScalarCache.String(route?.Config.RouteId);
        properties["ClusterId"] = ScalarCache.String(proxy?.Cluster?.Config.ClusterId ?? route?.Config.ClusterId);
        properties["UpstreamStatus"] = ScalarCache.Status(feature.UpstreamStatus);
        properties["StatusCode"] = ScalarCache.Status(context.Response.StatusCode);
        properties["Changes"] = ScalarCache.Flags(feature.Changes);
        properties["Leaks"] = ScalarCache.Flags(feature.Leaks);
        properties["ElapsedMs"] = new ScalarValue(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        _line.Write(context, properties, path);
    }

    private static bool ShouldLog(RequestLogMode mode, int status) => mode switch
    {
        RequestLogMode.All => true,
        RequestLogMode.Errors => status >= 400,
        _ => false,
    };
}
