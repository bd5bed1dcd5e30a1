using Yarp.ReverseProxy.Configuration;

namespace Gateway.Proxy;

/// <summary>
/// Reads upstream response headers as Latin-1 unless a cluster says otherwise: legacy servers send raw bytes in header
/// values (<c>Content-Disposition: attachment; filename="élève.pdf"</c> in Latin-1 or UTF-8), which HttpClient's
/// default ASCII rejects, so a good download became a 500. Latin-1 maps every byte to one character and Kestrel
/// writes it back as the same byte (<see cref="GatewayApp"/>), so the client gets what the upstream sent, as NGINX
/// passes it. CR, LF and NUL are still refused by both parsers.
/// </summary>
internal sealed class UpstreamHeaderEncodingFilter : IProxyConfigFilter
{
    public const string Latin1 = "iso-8859-1";

    public ValueTask<ClusterConfig> ConfigureClusterAsync(ClusterConfig cluster, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var client = cluster.HttpClient ?? new HttpClientConfig();
        return ValueTask.FromResult(client.ResponseHeaderEncoding is null
            ? cluster with { HttpClient = client with { ResponseHeaderEncoding = Latin1 } }
            : cluster);
    }

    public ValueTask<RouteConfig> ConfigureRouteAsync(RouteConfig route, ClusterConfig? cluster, CancellationToken cancel) =>
        ValueTask.FromResult(route);
}
