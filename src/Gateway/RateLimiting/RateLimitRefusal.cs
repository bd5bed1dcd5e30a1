namespace Gateway.RateLimiting;

/// <summary>Why a request was refused.</summary>
internal enum RateLimitRefusal
{
    /// <summary>The client used up its quota: 429.</summary>
    QuotaExhausted,

    /// <summary>Redis is unavailable and the store fails closed: the configured status.</summary>
    StoreUnavailable,
}
