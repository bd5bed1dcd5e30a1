namespace Gateway.Observability;

/// <summary>One reading of a shared rate-limit store; counts are totals since start.</summary>
/// <param name="Store">Low-cardinality store name, e.g. <c>redis</c>.</param>
/// <param name="Available">Whether the last call or probe found the store usable.</param>
/// <param name="Failures">Calls to the store that failed or timed out.</param>
/// <param name="Outages">Transitions from available to unavailable.</param>
/// <param name="FailOpenDecisions">Requests decided without the store and let through (fail open).</param>
/// <param name="FailClosedRefusals">Requests refused because the store was away (fail closed).</param>
internal readonly record struct RateLimitStoreReading(
    string Store, bool Available, long Failures, long Outages, long FailOpenDecisions, long FailClosedRefusals);
