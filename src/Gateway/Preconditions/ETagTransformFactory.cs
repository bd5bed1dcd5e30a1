using Gateway.Configuration;
using Gateway.Errors;
using Gateway.Proxy;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Gateway.Preconditions;

/// <summary>Adds the ETag transforms to a route; they read the route's policy per request, so reloads apply at once.</summary>
internal sealed class ETagTransformFactory(GatewaySnapshotAccessor store, ErrorResponseWriter writer, BufferBudget budget, ILoggerFactory loggers)
{
    /// <summary>Call after the scrub transform: the response side must see the final status and any body replacement.</summary>
    public void Apply(TransformBuilderContext context)
    {
        var routeId = context.Route.RouteId;
        context.RequestTransforms.Add(new ETagRequestTransform(store, routeId));
        context.ResponseTransforms.Add(new ETagResponseTransform(store, writer, budget, routeId, loggers.CreateLogger<ETagResponseTransform>()));
    }
}
