using Gateway.Middleware;
using Yarp.ReverseProxy.Transforms;

namespace Gateway.Proxy;

/// <summary>Passes the correlation id upstream, replacing whatever the client sent under that name.</summary>
internal sealed class CorrelationRequestTransform : RequestTransform
{
    public static readonly CorrelationRequestTransform Instance = new();

    public override ValueTask ApplyAsync(RequestTransformContext context)
    {
        var feature = context.HttpContext.Features.Get<GatewayRequestFeature>();
        if (feature is not null)
        {
            context.ProxyRequest.Headers.Remove(feature.CorrelationHeader);
            context.ProxyRequest.Headers.TryAddWithoutValidation(feature.CorrelationHeader, feature.CorrelationId);
        }

        return ValueTask.CompletedTask;
    }
}
