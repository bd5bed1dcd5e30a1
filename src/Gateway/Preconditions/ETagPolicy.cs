namespace Gateway.Preconditions;

/// <summary>A route's <see cref="ETagOptions"/>, compiled into its <c>RoutePolicy</c> once per config generation.</summary>
internal sealed record ETagPolicy(ETagMode Mode, int MaxBodyBytes, bool RequireIfMatchOnUpdates, ETagLockMode Lock)
{
    /// <summary>The policy of routes that configure nothing.</summary>
    public static readonly ETagPolicy Default = From(new ETagOptions());

    public static ETagPolicy From(ETagOptions options) =>
        new(options.Mode, options.MaxBodyBytes, options.RequireIfMatchOnUpdates, options.Lock);
}
