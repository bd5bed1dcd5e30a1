namespace Gateway.RateLimiting;

/// <summary>What Redis-backed policies do while Redis is unavailable.</summary>
public enum RedisFailureMode
{
    /// <summary>Each replica enforces the same policy in memory until Redis is back.</summary>
    FailOpen,

    /// <summary>Requests on Redis-limited routes are refused until Redis is back.</summary>
    FailClosed,
}
