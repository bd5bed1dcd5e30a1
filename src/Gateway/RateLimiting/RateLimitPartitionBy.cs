namespace Gateway.RateLimiting;

/// <summary>What a policy's quota is counted for.</summary>
public enum RateLimitPartitionBy
{
    /// <summary>The client address (X-Forwarded-For only from trusted proxies).</summary>
    ClientIp,

    /// <summary>The authenticated client's <c>client_id</c> claim; anonymous requests fall back to the client address.</summary>
    ApiKey,

    /// <summary>The token's <c>sub</c> claim, else <c>client_id</c>; anonymous requests fall back to the client address.</summary>
    Subject,

    /// <summary>One quota shared by every client of the route.</summary>
    Global,
}
