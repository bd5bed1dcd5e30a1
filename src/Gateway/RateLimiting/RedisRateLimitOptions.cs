namespace Gateway.RateLimiting;

/// <summary>The shared rate-limit store: <c>Gateway:RateLimiting:Redis</c>.</summary>
public sealed class RedisRateLimitOptions
{
    /// <summary>A StackExchange.Redis configuration string, e.g. <c>redis:6379,password=…</c>. Required by Redis policies.</summary>
    public string? Configuration { get; set; }

    /// <summary>Prefix of every key the gateway writes. Default <c>gateway:rl:</c>.</summary>
    public string KeyPrefix { get; set; } = "gateway:rl:";

    /// <summary>How long one decision may take before Redis counts as unavailable, in ms. Default 250.</summary>
    public int TimeoutMilliseconds { get; set; } = 250;

    /// <summary>How long a connection attempt may take, in ms. Default 2000.</summary>
    public int ConnectTimeoutMilliseconds { get; set; } = 2000;

    /// <summary>Pause between reconnection attempts while Redis is away, in ms. Default 1000.</summary>
    public int ReconnectMilliseconds { get; set; } = 1000;

    /// <summary>What Redis policies do while Redis is unavailable. Default <see cref="RedisFailureMode.FailOpen"/>.</summary>
    public RedisFailureMode WhenUnavailable { get; set; } = RedisFailureMode.FailOpen;

    /// <summary>The status refused requests get when failing closed: 503 (mapped by the profile) or 429. Default 503.</summary>
    public int FailClosedStatus { get; set; } = 503;
}
