using Yarp.ReverseProxy.Transforms.Builder;

namespace Gateway.Proxy.Retry;

/// <summary>
/// Puts every route's response transforms behind a <see cref="RetryGateTransform"/>. Registered after the other
/// transform providers, so it sees (and wraps) all their response transforms.
/// </summary>
internal sealed class RetryTransformProvider : ITransformProvider
{
    public void ValidateRoute(TransformRouteValidationContext context)
    {
    }

    public void ValidateCluster(TransformClusterValidationContext context)
    {
    }

    public void Apply(TransformBuilderContext context)
    {
        var inner = context.ResponseTransforms.ToArray();
        context.ResponseTransforms.Clear();
        context.ResponseTransforms.Add(new RetryGateTransform(inner));
    }
}
