using Gateway.Configuration;
using Gateway.Errors;
using Gateway.Middleware;
using Gateway.Transforms.Errors;
using Yarp.ReverseProxy.Transforms;

namespace Gateway.Proxy;

/// <summary>Replaces an upstream 4xx/5xx with the standard payload of the route's profile.</summary>
internal sealed class ErrorNormalizationStep(ErrorResponseWriter writer)
{
    public async ValueTask ApplyAsync(ResponseTransformContext context, RoutePolicy policy)
    {
        _ = writer; // replaced by the full normalizer (issue 3)
        var httpContext = context.HttpContext;
        var upstreamStatus = (int)context.ProxyResponse!.StatusCode;
        var status = policy.MapStatus(upstreamStatus);
        var feature = httpContext.Features.Get<GatewayRequestFeature>();

        context.SuppressResponseBody = true;
        var error = new StandardError(status, StatusDefaults.GenericMessage(status), feature?.CorrelationId, httpContext.Request.Path.Value);
        await ErrorResponseWriter.WriteAsync(httpContext, policy.Profile, error);
        if (feature is not null)
        {
            feature.Changes |= GatewayChanges.ErrorNormalized | (status != upstreamStatus ? GatewayChanges.StatusRemapped : 0);
        }
    }
}
