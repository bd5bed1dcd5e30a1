using Yarp.ReverseProxy.Transforms;

namespace Gateway.Proxy.Retry;

/// <summary>
/// Wraps a route's response transforms. An upstream status the request's retry policy retries is dropped here,
/// before any transform writes a byte (error normalization writes its payload); every other response goes
/// through the wrapped transforms in their order.
/// </summary>
internal sealed class RetryGateTransform(ResponseTransform[] inner) : ResponseTransform
{
    public override async ValueTask ApplyAsync(ResponseTransformContext context)
    {
        if (context.ProxyResponse is { } upstream
            && context.HttpContext.Features.Get<RetryAttemptFeature>() is { } attempt
            && !context.HttpContext.Response.HasStarted
            && attempt.TryDiscard((int)upstream.StatusCode))
        {
            context.SuppressResponseBody = true; // YARP disposes the upstream response unread
            return;
        }

        foreach (var transform in inner)
        {
            await transform.ApplyAsync(context);
        }
    }
}
