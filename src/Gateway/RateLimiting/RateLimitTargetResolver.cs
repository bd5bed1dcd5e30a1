using System.Net;
using System.Security.Claims;
using Gateway.Auth;
using Gateway.Transforms.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Yarp.ReverseProxy.Model;

namespace Gateway.RateLimiting;

/// <summary>
/// Finds the quota a request counts against: the route's policy (or the default), unless the client is exempt, and
/// the partition: the authenticated client (<c>client_id</c>), subject (<c>sub</c>), or the client address.
/// </summary>
internal static class RateLimitTargetResolver
{
    public const string ClientIdClaim = "client_id";
    public const string SubjectClaim = "sub";

    public static RateLimitTarget? Resolve(HttpContext context, RateLimitSnapshot snapshot)
    {
        // YARP's endpoint carries its route model; health checks and the 404 fallback have none and are never limited.
        var routeId = context.GetEndpoint()?.Metadata.GetMetadata<RouteModel>()?.Config.RouteId;
        if (routeId is null || snapshot.PolicyFor(routeId) is not { } policy)
        {
            return null;
        }

        var user = AuthenticatedCaller.Of(context);
        var clientId = Claim(user, ClientIdClaim);
        var subject = Claim(user, SubjectClaim) ?? Claim(user, ClaimTypes.NameIdentifier);
        if ((clientId is not null && snapshot.ExemptClients.Contains(clientId)) || (subject is not null && snapshot.ExemptClients.Contains(subject)))
        {
            return null;
        }

        var address = ClientAddress(context, snapshot);
        if (address is not null && snapshot.ExemptNetworks.Count > 0 && ClientAddressResolver.IsTrusted(address, snapshot.ExemptNetworks))
        {
            return null;
        }

        var partition = policy.PartitionBy switch
        {
            RateLimitPartitionBy.Global => "all",
            RateLimitPartitionBy.ApiKey when clientId is not null => "client:" + clientId,
            RateLimitPartitionBy.Subject when subject is not null => "sub:" + subject,
            RateLimitPartitionBy.Subject when clientId is not null => "client:" + clientId,
            _ => "ip:" + (address?.ToString() ?? "unknown"),
        };
        return new RateLimitTarget(policy, new LimiterKey(policy.Name, policy.Spec, partition));
    }

    /// <summary>The client address: the peer, or what trusted proxies say in <c>X-Forwarded-For</c>.</summary>
    public static IPAddress? ClientAddress(HttpContext context, RateLimitSnapshot snapshot) =>
        ClientAddressResolver.Resolve(
            context.Connection.RemoteIpAddress,
            context.Request.Headers[ForwardedHeadersDefaults.XForwardedForHeaderName],
            snapshot.TrustedProxies);

    private static string? Claim(ClaimsPrincipal? user, string type) =>
        user?.FindFirst(type)?.Value is { Length: > 0 } value ? value : null;
}
