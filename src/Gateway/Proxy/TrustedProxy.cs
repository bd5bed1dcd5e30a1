using System.Buffers;
using Gateway.Configuration;
using Gateway.Transforms.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace Gateway.Proxy;

/// <summary>What a peer in <c>Gateway:ForwardedHeaders</c> (a load balancer in front) may tell about the client's
/// request: the address chain, the scheme and the host the client used.</summary>
internal static class TrustedProxy
{
    public const string ProtoHeader = "X-Forwarded-Proto";
    public const string HostHeader = "X-Forwarded-Host";

    private static readonly SearchValues<char> s_notInHost = SearchValues.Create("/\\@?# ");

    /// <summary>Whether the connection's peer is a trusted proxy.</summary>
    public static bool IsPeer(HttpContext context, GatewaySnapshot snapshot)
    {
        var peer = context.Connection.RemoteIpAddress;
        var trusted = snapshot.RateLimiting.TrustedProxies;
        return peer is not null && trusted.Count > 0 && ClientAddressResolver.IsTrusted(ClientAddressResolver.Normalize(peer), trusted);
    }

    /// <summary>The URL base the client used: the scheme and host a trusted proxy reports (its first value, the hop
    /// nearest the client), else the gateway's own view; and the path base.</summary>
    public static string PublicBase(HttpContext context, GatewaySnapshot snapshot)
    {
        var request = context.Request;
        var scheme = request.Scheme;
        var host = request.Host;
        if (IsPeer(context, snapshot))
        {
            if (First(request.Headers[ProtoHeader]) is { } proto && (proto.Equals("https", StringComparison.OrdinalIgnoreCase) || proto.Equals("http", StringComparison.OrdinalIgnoreCase)))
            {
                scheme = proto.ToLowerInvariant();
            }

            // Only a host[:port]: nothing that could turn the URL into another one (userinfo, a path, spaces).
            if (First(request.Headers[HostHeader]) is { } forwardedHost && HostString.FromUriComponent(forwardedHost) is { HasValue: true } parsed
                && Uri.CheckHostName(parsed.Host) != UriHostNameType.Unknown && forwardedHost.AsSpan().IndexOfAny(s_notInHost) < 0)
            {
                host = parsed;
            }
        }

        return $"{scheme}://{host}{request.PathBase}";
    }

    private static string? First(Microsoft.Extensions.Primitives.StringValues values) =>
        values.Count == 0 || values[0] is not { } first ? null : first.Split(',')[0].Trim() is { Length: > 0 } value ? value : null;
}
