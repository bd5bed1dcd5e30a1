using Gateway.Configuration;
using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy.Transforms;

namespace Gateway.Preconditions;

/// <summary>
/// Generate mode, on the way up. GET/HEAD: ask for the full identity representation (no Accept-Encoding, no
/// preconditions, no Range; HEAD becomes GET) so the gateway can hash it and decide 200/304/412 itself. Writes the gateway
/// checked against a tag it derived: the precondition fields are removed, as the upstream cannot know that tag.
/// </summary>
internal sealed class ETagRequestTransform(GatewaySnapshotAccessor store, string routeId) : RequestTransform
{
    public override ValueTask ApplyAsync(RequestTransformContext context)
    {
        if (store.Current.PolicyFor(routeId).ETags.Mode != ETagMode.Generate)
        {
            return ValueTask.CompletedTask;
        }

        var method = context.HttpContext.Request.Method;
        var headers = context.ProxyRequest.Headers;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method))
        {
            headers.Remove(HeaderNames.AcceptEncoding);
            RemoveFields(headers, ConditionalRequest.ConditionalFields);
            RemoveFields(headers, ConditionalRequest.RangeFields);
            if (HttpMethods.IsHead(method))
            {
                context.ProxyRequest.Method = HttpMethod.Get;
            }
        }
        else if (context.HttpContext.Features.Get<PreconditionCheckFeature>() is { TagFromUpstream: false })
        {
            RemoveFields(headers, ConditionalRequest.ConditionalFields);
        }

        return ValueTask.CompletedTask;
    }

    private static void RemoveFields(System.Net.Http.Headers.HttpRequestHeaders headers, string[] names)
    {
        foreach (var name in names)
        {
            headers.Remove(name);
        }
    }
}
