namespace Gateway.Preconditions;

/// <summary>A route's <see cref="ETagOptions"/>, compiled into its <c>RoutePolicy</c> once per config generation.</summary>
/// <param name="Cache">The route's validator cache for this generation; null when off.</param>
internal sealed record ETagPolicy(ETagMode Mode, int MaxBodyBytes, bool RequireIfMatchOnUpdates, ETagLockMode Lock, ValidatorCache? Cache = null)
{
    /// <summary>The policy of routes that configure nothing.</summary>
    public static readonly ETagPolicy Default = From(new ETagOptions());

    public static ETagPolicy From(ETagOptions options) =>
        new(options.Mode, options.MaxBodyBytes, options.RequireIfMatchOnUpdates, options.Lock,
            options.ValidatorCache is { Seconds: > 0 } cache && options.Mode != ETagMode.Off ? new ValidatorCache(cache.Seconds, cache.MaxEntries) : null);
}
