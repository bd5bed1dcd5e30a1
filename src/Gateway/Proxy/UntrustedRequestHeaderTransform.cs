using Gateway.Configuration;
using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy.Transforms;

namespace Gateway.Proxy;

/// <summary>Removes client-sent address, URL-override and method-override headers before the request goes upstream,
/// and an empty <c>Host</c>.</summary>
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

        // HTTP/1.1 allows an empty Host (RFC 9112 §3.2). YARP copies it and then keeps it (it only drops a Host equal to
        // the client's, and reads an empty one as none), so HttpClient would send the destination's Host and the empty
        // one: two Host lines, which a backend may read either way. Without it, the destination's Host goes alone.
        if (context.HttpContext.Request.Headers.Host is [""])
        {
            context.ProxyRequest.Headers.Remove(HeaderNames.Host);
        }

        return ValueTask.CompletedTask;
    }
}
