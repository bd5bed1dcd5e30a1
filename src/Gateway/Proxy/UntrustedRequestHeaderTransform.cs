using Gateway.Configuration;
using Yarp.ReverseProxy.Transforms;

namespace Gateway.Proxy;

/// <summary>Removes client-sent address, URL-override and method-override headers before the request goes upstream.</summary>
internal sealed class UntrustedRequestHeaderTransform(GatewaySnapshotAccessor store) : RequestTransform
{
    public override ValueTask ApplyAsync(RequestTransformContext context)
    {
        var untrusted = store.Current.UntrustedRequestHeaders;
        // Walk the client's few headers rather than the list; YARP has already copied them to the proxy request.
        foreach (var header in context.HttpContext.Request.Headers)
        {
            if (untrusted.Contains(header.Key))
            {
                context.ProxyRequest.Headers.Remove(header.Key);
            }
        }

        return ValueTask.CompletedTask;
    }
}
