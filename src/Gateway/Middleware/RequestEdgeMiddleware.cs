using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Gateway.Configuration;
using Gateway.Observability;
using Serilog.Context;

namespace Gateway.Middleware;

/// <summary>
/// The outermost step, in one frame: the correlation id (on the response and every log line), the answer to anything
/// thrown below, then the request's metrics and its completion line, both from the final status.
/// </summary>
/// <remarks>One middleware instead of four: every async step that awaits the proxy costs a state machine per request.</remarks>
internal sealed class RequestEdgeMiddleware(
    RequestDelegate next,
    GatewaySnapshotAccessor store,
    UnhandledExceptionAnswer exceptions,
    RequestMetricsRecorder metrics,
    CompletionLog completionLog)
{
    private static readonly Func<object, Task> s_setCorrelationHeader = static state =>
    {
        var context = (HttpContext)state;
        var feature = context.Features.GetRequiredFeature<GatewayRequestFeature>();
        // Overwrites an upstream's own header of that name: one id per exchange.
        context.Response.Headers[feature.CorrelationHeader] = feature.CorrelationId;
        return Task.CompletedTask;
    };

    public Task InvokeAsync(HttpContext context)
    {
        var options = store.Current.Options;
        var header = options.CorrelationIdHeader;
        var values = context.Request.Headers[header];
        var id = values.Count == 1 && CorrelationId.IsWellFormed(values[0]) ? values[0]! : CorrelationId.NewId();
        var feature = new GatewayRequestFeature(id, header);
        context.Features.Set(feature);
        context.Response.OnStarting(s_setCorrelationHeader, context);
        return RunAsync(context, feature, options.RequestLog);
    }

    private async Task RunAsync(HttpContext context, GatewayRequestFeature feature, RequestLogMode logMode)
    {
        using (LogContext.PushProperty("CorrelationId", feature.CorrelationId))
        {
            var start = Stopwatch.GetTimestamp();
            var measured = RequestMetricsRecorder.Begin(context, feature);
            try
            {
                await next(context);
            }
            catch (Exception ex)
            {
                await exceptions.AnswerAsync(context, ex);
            }
            finally
            {
                if (measured)
                {
                    metrics.Record(context, feature, start);
                }

                completionLog.Write(context, feature, logMode, start);
            }
        }
    }
}
