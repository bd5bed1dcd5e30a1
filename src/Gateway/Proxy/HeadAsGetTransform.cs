using Gateway.Configuration;
using Yarp.ReverseProxy.Transforms;

namespace Gateway.Proxy;

/// <summary>
/// A HEAD on a route whose answer depends on the success body (its rules, <c>RejectDebugOutput</c>,
/// <c>SoapFaultsAreErrors</c>) goes upstream as a GET, as NGINX's <c>proxy_cache_convert_head</c> does: a legacy HEAD
/// has no body to find the error in, so HEAD said 200 where GET says 404 (RFC 9110 §9.3.2: the same status and fields
/// as GET). The body is read as for GET, and Kestrel sends none of it to the HEAD.
/// </summary>
internal sealed class HeadAsGetTransform(GatewaySnapshotAccessor store, string routeId) : RequestTransform
{
    public override ValueTask ApplyAsync(RequestTransformContext context)
    {
        // Exactly "HEAD": to Kestrel "head" is another method, whose answer carries the body.
        if (string.Equals(context.HttpContext.Request.Method, HttpMethods.Head, StringComparison.Ordinal) && DecidesByBody(store.Current.PolicyFor(routeId)))
        {
            context.ProxyRequest.Method = HttpMethod.Get;
        }

        return ValueTask.CompletedTask;
    }

    private static bool DecidesByBody(RoutePolicy policy) => policy.HasSuccessRules || policy.RejectDebugOutput || policy.SoapFaultsAreErrors;
}
