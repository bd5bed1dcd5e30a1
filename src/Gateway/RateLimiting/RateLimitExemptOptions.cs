namespace Gateway.RateLimiting;

/// <summary>Who is never limited (AspNetCoreRateLimit's white lists): <c>Gateway:RateLimiting:Exempt</c>.</summary>
public sealed class RateLimitExemptOptions
{
    /// <summary>Client ids or subjects (the <c>client_id</c> or <c>sub</c> claim of an authenticated request).</summary>
    public List<string> Clients { get; set; } = [];

    /// <summary>Client addresses or CIDR networks, e.g. <c>10.0.0.0/8</c>, matched against the resolved client address.</summary>
    public List<string> Networks { get; set; } = [];
}
