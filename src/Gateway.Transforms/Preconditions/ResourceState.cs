namespace Gateway.Transforms.Preconditions;

/// <summary>What is known of the target resource's current representation when preconditions are evaluated.</summary>
/// <param name="Exists">Whether the resource has a current representation.</param>
/// <param name="ETag">Its entity tag, when it has one (an upstream's, or one the gateway derived).</param>
/// <param name="LastModified">Its modification date, when the upstream gave one.</param>
internal readonly record struct ResourceState(bool Exists, EntityTag? ETag, DateTimeOffset? LastModified)
{
    /// <summary>A resource with no current representation.</summary>
    public static ResourceState Missing => new(false, null, null);
}
