namespace Gateway.Preconditions;

/// <summary>Where a route's entity tags come from.</summary>
public enum ETagMode
{
    /// <summary>
    /// The upstream's own <c>ETag</c>/<c>Last-Modified</c> are used: conditional GET/HEAD are answered with 304/412
    /// from them, and conditional writes pass to the upstream, whose 412 is normalized. The default.
    /// </summary>
    Passthrough,

    /// <summary>
    /// For upstreams that know nothing of ETags: the gateway derives a strong ETag from the identity body (up to
    /// <see cref="ETagOptions.MaxBodyBytes"/>) and checks conditional writes against the current representation
    /// before forwarding them. An upstream's own ETag, when it sends one, is still used.
    /// </summary>
    Generate,

    /// <summary>The gateway does nothing with ETags or preconditions on this route.</summary>
    Off,
}
