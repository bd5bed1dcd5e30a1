using Gateway.Configuration;
using Yarp.ReverseProxy.Configuration;

namespace Gateway.Proxy;

/// <summary>Builds a route's <see cref="ResponseScrubTransform"/>, reading its path transforms once per config.</summary>
internal sealed class ResponseScrubTransformFactory(
    GatewaySnapshotAccessor store, ErrorNormalizationStep normalization, SuccessBodyStep successBody, ILogger<ResponseScrubTransform> logger)
{
    private const string PathRemovePrefixKey = "PathRemovePrefix";
    private const string PathPrefixKey = "PathPrefix";

    public ResponseScrubTransform Create(RouteConfig route)
    {
        string? removed = null;
        string? added = null;
        foreach (var transform in route.Transforms ?? [])
        {
            if (transform.TryGetValue(PathRemovePrefixKey, out var value))
            {
                removed = value;
            }
            else if (transform.TryGetValue(PathPrefixKey, out value))
            {
                added = value;
            }
        }

        return new ResponseScrubTransform(store, normalization, successBody, logger, route.RouteId, removed, added, route.CorsPolicy);
    }
}
