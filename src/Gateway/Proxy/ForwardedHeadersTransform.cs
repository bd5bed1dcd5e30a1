using Gateway.Configuration;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Gateway.Proxy;

/// <summary>
/// <c>X-Forwarded-For/-Proto/-Host/-Prefix</c> to the upstream. From a peer in <c>Gateway:ForwardedHeaders</c> (a load
/// balancer in front) what it said is kept: the peer is appended to its <c>X-Forwarded-For</c>, as NGINX's
/// <c>$proxy_add_x_forwarded_for</c> and Envoy do, and its scheme, host and prefix pass as sent, so the backend learns the real
/// client and the public URL. From any other peer the client's values are replaced, as YARP does by default.
/// </summary>
internal sealed class ForwardedHeadersTransform(GatewaySnapshotAccessor store) : RequestTransform
{
    private const string ForHeader = "X-Forwarded-For";
    private const string ProtoHeader = TrustedProxy.ProtoHeader;
    private const string HostHeader = TrustedProxy.HostHeader;
    private const string PrefixHeader = "X-Forwarded-Prefix";

    private static readonly RequestTransform[] s_replace =
    [
        new RequestHeaderXForwardedForTransform(ForHeader, ForwardedTransformActions.Set),
        new RequestHeaderXForwardedPrefixTransform(PrefixHeader, ForwardedTransformActions.Set),
        new RequestHeaderXForwardedHostTransform(HostHeader, ForwardedTransformActions.Set),
        new RequestHeaderXForwardedProtoTransform(ProtoHeader, ForwardedTransformActions.Set),
    ];

    private static readonly RequestTransform s_appendFor = new RequestHeaderXForwardedForTransform(ForHeader, ForwardedTransformActions.Append);

    // What a trusted peer did not say is set from what the gateway saw.
    private static readonly (string Header, RequestTransform Set)[] s_keepIfSent =
        [(PrefixHeader, s_replace[1]), (HostHeader, s_replace[2]), (ProtoHeader, s_replace[3])];

    /// <summary>Takes the place of YARP's default forwarders on a route whose config does not set its own.</summary>
    public void Apply(TransformBuilderContext context)
    {
        if (context.UseDefaultForwarders != false)
        {
            context.UseDefaultForwarders = false;
            context.RequestTransforms.Add(this);
        }
    }

    public override async ValueTask ApplyAsync(RequestTransformContext context)
    {
        if (!TrustedProxy.IsPeer(context.HttpContext, store.Current))
        {
            foreach (var transform in s_replace)
            {
                await transform.ApplyAsync(context);
            }

            return;
        }

        await s_appendFor.ApplyAsync(context);
        foreach (var (header, set) in s_keepIfSent)
        {
            if (string.IsNullOrEmpty(context.HttpContext.Request.Headers[header]))
            {
                await set.ApplyAsync(context);
            }
        }
    }
}
