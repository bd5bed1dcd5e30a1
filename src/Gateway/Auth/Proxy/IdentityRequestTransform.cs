using Gateway.Configuration;
using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy.Transforms;

namespace Gateway.Auth.Proxy;

/// <summary>
/// Tells the upstream who called, in headers only the gateway may set: a client's own identity headers are removed
/// first, and the credentials the gateway consumed (API key, and Authorization where the route says so) are dropped.
/// </summary>
internal sealed class IdentityRequestTransform(GatewaySnapshotAccessor store, string routeId) : RequestTransform
{
    public override ValueTask ApplyAsync(RequestTransformContext context)
    {
        var auth = store.Current.Auth;
        var names = auth.IdentityHeaders;
        foreach (var name in names.All)
        {
            RemoveHeader(context, name);
        }

        if (auth.ApiKeys is { } keys)
        {
            RemoveHeader(context, keys.Header);
            // Also without AllowQueryString: an anonymous route lets a refused query key through, and the
            // upstream's access log must not get the key either. Only then is the query rebuilt (which re-encodes it).
            if (context.HttpContext.Request.QueryString.HasValue && context.HttpContext.Request.Query.ContainsKey(keys.QueryParameter))
            {
                context.Query.Collection.Remove(keys.QueryParameter);
            }
        }

        if (!auth.RouteFor(routeId).ForwardAuthorization)
        {
            RemoveHeader(context, HeaderNames.Authorization);
        }

        if (AuthenticatedCaller.Of(context.HttpContext) is { } user)
        {
            var values = CallerHeaderValues.Of(user);
            Add(context, names.ClientId, values.ClientId);
            Add(context, names.Subject, values.Subject);
            Add(context, names.Scopes, values.Scopes);
        }

        return ValueTask.CompletedTask;
    }

    private static void Add(RequestTransformContext context, string? name, string? value)
    {
        if (name is not null && value is not null)
        {
            context.ProxyRequest.Headers.TryAddWithoutValidation(name, value);
        }
    }
}
