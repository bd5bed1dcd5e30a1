namespace Gateway.Preconditions;

/// <summary>
/// The route's ETag validator cache: <c>Gateway:Routes:&lt;routeId&gt;:ETags:ValidatorCache</c>. A GET/HEAD whose
/// <c>If-None-Match</c> matches a tag the route answered within <see cref="Seconds"/> gets a 304 from the gateway
/// without the upstream. Off by default.
/// </summary>
public sealed class ValidatorCacheOptions
{
    /// <summary>The key of this section inside a route's <c>ETags</c>.</summary>
    public const string SectionName = "ValidatorCache";

    /// <summary>
    /// How long a recorded tag answers revalidations, in seconds; also the bound on staleness across replicas (a
    /// write through another instance is not seen here). 0, the default, turns the cache off; at most 86400.
    /// </summary>
    public int Seconds { get; set; }

    /// <summary>Most entries the route keeps (one per resource, caller and variant). Default 10000; between 1 and 1000000.</summary>
    public int MaxEntries { get; set; } = 10_000;
}
