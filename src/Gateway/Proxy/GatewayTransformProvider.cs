using Gateway.Preconditions;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Gateway.Proxy;

/// <summary>Adds the gateway's transforms to every route: correlation id and forwarded headers upstream, response
/// scrubbing back.</summary>
internal sealed class GatewayTransformProvider(
    ResponseScrubTransformFactory scrubFactory, ETagTransformFactory etags, UntrustedRequestHeaderTransform untrustedHeaders, ForwardedHeadersTransform forwarded,
    Configuration.GatewaySnapshotAccessor store) : ITransformProvider
{
    public void ValidateRoute(TransformRouteValidationContext context)
    {
    }

    public void ValidateCluster(TransformClusterValidationContext context)
    {
    }

    public void Apply(TransformBuilderContext context)
    {
        context.RequestTransforms.Add(CorrelationRequestTransform.Instance);
        context.RequestTransforms.Add(untrustedHeaders);
        forwarded.Apply(context);
        context.RequestTransforms.Add(new HeadAsGetTransform(store, context.Route.RouteId));
        var scrub = scrubFactory.Create(context.Route);
        context.ResponseTransforms.Add(scrub);
        context.ResponseTrailersTransforms.Add(new ResponseTrailerScrubTransform(scrub));
        etags.Apply(context);
    }
}
