using Microsoft.AspNetCore.Http.Features;
using Gateway.Configuration;
using Serilog.Context;

namespace Gateway.Middleware;

/// <summary>
/// Outermost step: gives every request a correlation id (the client's when well formed), puts it on every
/// response and into every log line of the request.
/// </summary>
internal sealed class CorrelationIdMiddleware(RequestDelegate next, GatewaySnapshotAccessor store)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var header = store.Current.Options.CorrelationIdHeader;
        var values = context.Request.Headers[header];
        var id = values.Count == 1 && CorrelationId.IsWellFormed(values[0]) ? values[0]! : CorrelationId.NewId();

        context.Features.Set(new GatewayRequestFeature(id, header));
        context.Response.OnStarting(static state =>
        {
            var ctx = (HttpContext)state;
            var feature = ctx.Features.GetRequiredFeature<GatewayRequestFeature>();
            // Overwrites an upstream's own header of that name: one id per exchange.
            ctx.Response.Headers[feature.CorrelationHeader] = feature.CorrelationId;
            return Task.CompletedTask;
        }, context);

        using (LogContext.PushProperty("CorrelationId", id))
        {
            await next(context);
        }
    }
}
