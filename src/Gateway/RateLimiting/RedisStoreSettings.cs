namespace Gateway.RateLimiting;

/// <summary>The Redis store settings of one config generation (present only when a policy uses Redis).</summary>
internal sealed record RedisStoreSettings(
    string Configuration,
    string KeyPrefix,
    int TimeoutMilliseconds,
    int ConnectTimeoutMilliseconds,
    int ReconnectMilliseconds,
    RedisFailureMode WhenUnavailable,
    int FailClosedStatus)
{
    /// <summary>The settings that need a new connection when they change.</summary>
    public (string, int, int, int) ConnectionKey => (Configuration, TimeoutMilliseconds, ConnectTimeoutMilliseconds, ReconnectMilliseconds);
}
