using System.Diagnostics;
using Gateway.Configuration;
using Gateway.Logging;
using Serilog.Events;
using Serilog.Parsing;
using Yarp.ReverseProxy.Model;

namespace Gateway.Middleware;

/// <summary>One completion line per request: route, cluster, upstream and returned status, changes, duration.</summary>
/// <remarks>
/// <para>Never logs bodies, query strings or headers: they can carry secrets and the leaks being stripped.</para>
/// <para>
/// The line is the one event every request writes, so it is built as a Serilog event directly instead of through
/// Microsoft.Extensions.Logging, whose bridge converts the state into a new property set per event. It goes
/// through the same Serilog pipeline (enrichers, configured sinks, other logger providers) and reads exactly as it
/// did: same template, event id, category and request properties, in the same order.
/// </para>
/// </remarks>
internal sealed class CompletionLog(ILoggerFactory loggers, Serilog.ILogger serilog)
{
    // The category of the days this was its own middleware: operators' log queries filter on it.
    public const string Category = "Gateway.Middleware.RequestLogMiddleware";

    // The template's nine, event id, category, the request scope's three and the correlation id.
    private const int PropertyCount = 15;

    private static readonly MessageTemplate s_template = new MessageTemplateParser().Parse(
        "{Method} {Path} route={RouteId} cluster={ClusterId} upstream={UpstreamStatus} status={StatusCode} changes={Changes} leaks={Leaks} in {ElapsedMs:0.0} ms");

    private static readonly StructureValue s_eventId = new([new("Id", new ScalarValue(1)), new("Name", new ScalarValue("RequestCompleted"))]);
    private static readonly ScalarValue s_category = new(Category);

    // Filters of both logging configurations apply (Serilog overrides and Logging:LogLevel).
    private readonly ILogger _gate = loggers.CreateLogger(Category);

    public void Write(HttpContext context, GatewayRequestFeature feature, RequestLogMode mode, long start)
    {
        if (!ShouldLog(mode, context.Response.StatusCode) || !_gate.IsEnabled(LogLevel.Information))
        {
            return;
        }

        var proxy = context.Features.Get<IReverseProxyFeature>();
        // Refused before the proxy step (401, 403, 429): the matched endpoint still names the route.
        var route = proxy?.Route ?? context.GetEndpoint()?.Metadata.GetMetadata<RouteModel>();
        var request = context.Request;
        var path = new ScalarValue(request.Path.Value ?? "/");
        var properties = new Dictionary<string, LogEventPropertyValue>(PropertyCount)
        {
            ["Method"] = ScalarCache.Method(request.Method),
            ["Path"] = path,
            ["RouteId"] = ScalarCache.String(route?.Config.RouteId),
            ["ClusterId"] = ScalarCache.String(proxy?.Cluster?.Config.ClusterId ?? route?.Config.ClusterId),
            ["UpstreamStatus"] = ScalarCache.Status(feature.UpstreamStatus),
            ["StatusCode"] = ScalarCache.Status(context.Response.StatusCode),
            ["Changes"] = ScalarCache.Flags(feature.Changes),
            ["Leaks"] = ScalarCache.Flags(feature.Leaks),
            ["ElapsedMs"] = new ScalarValue(Stopwatch.GetElapsedTime(start).TotalMilliseconds),
            ["EventId"] = s_eventId,
            ["SourceContext"] = s_category,
            // The request scope's properties, which the log context would add too, in the order the line always had.
            ["RequestId"] = new ScalarValue(context.TraceIdentifier),
            ["RequestPath"] = request.PathBase.HasValue ? new ScalarValue((request.PathBase + request.Path).Value) : path,
            ["ConnectionId"] = new ScalarValue(context.Connection.Id),
        };

        var activity = Activity.Current;
        serilog.Write(LogEvent.UnstableAssembleFromParts(
            DateTimeOffset.Now,
            LogEventLevel.Information,
            null,
            s_template,
            properties,
            activity?.TraceId ?? default,
            activity?.SpanId ?? default));
    }

    private static bool ShouldLog(RequestLogMode mode, int status) => mode switch
    {
        RequestLogMode.All => true,
        RequestLogMode.Errors => status >= 400,
        _ => false,
    };
}
