namespace Gateway.Observability;

/// <summary>
/// Hook for the rate-limit feature: register an implementation (singleton) and the metrics read it at each collection
/// (<c>gateway.ratelimit.store.available</c>, <c>gateway.ratelimit.store.events</c>). Nothing is pushed per request.
/// </summary>
/// <remarks>An interface because the metrics cannot depend on the limiter's types; see docs/observability.md.</remarks>
internal interface IRateLimitStoreState
{
    /// <summary>Reads the store's state now; null when no policy uses a shared store (nothing is reported then).</summary>
    RateLimitStoreReading? Read();
}
