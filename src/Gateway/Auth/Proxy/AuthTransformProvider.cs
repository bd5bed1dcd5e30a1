using Gateway.Configuration;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Gateway.Auth.Proxy;

/// <summary>Adds <see cref="IdentityRequestTransform"/> to every route; route settings are read per request.</summary>
internal sealed class AuthTransformProvider(GatewaySnapshotAccessor store) : ITransformProvider
{
    public void ValidateRoute(TransformRouteValidationContext context)
    {
    }

    public void ValidateCluster(TransformClusterValidationContext context)
    {
    }

    public void Apply(TransformBuilderContext context) =>
        context.RequestTransforms.Add(new IdentityRequestTransform(store, context.Route.RouteId));
}
