namespace Gateway.RateLimiting;

/// <summary>
/// Which peers may speak for the client through <c>X-Forwarded-For</c>: <c>Gateway:ForwardedHeaders</c>. Empty by
/// default: the connection's address is the client. <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c> is ignored.
/// </summary>
public sealed class TrustedProxyOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Gateway:ForwardedHeaders";

    /// <summary>Addresses of trusted proxies, e.g. <c>10.0.0.5</c>.</summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>CIDR networks of trusted proxies, e.g. <c>10.1.0.0/16</c>.</summary>
    public List<string> TrustedNetworks { get; set; } = [];
}
