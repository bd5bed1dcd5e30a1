namespace Gateway.Transforms.Preconditions;

/// <summary>An entity tag (RFC 9110 §8.8.3): an opaque tag, with its quotes, and whether it is weak.</summary>
/// <param name="OpaqueTag">The quoted opaque tag, e.g. <c>"abc"</c>.</param>
/// <param name="IsWeak">True for <c>W/"abc"</c>.</param>
internal readonly record struct EntityTag(string OpaqueTag, bool IsWeak)
{
    /// <summary>The field value form: <c>"abc"</c> or <c>W/"abc"</c>.</summary>
    public override string ToString() => IsWeak ? "W/" + OpaqueTag : OpaqueTag;

    /// <summary>The same tag, weak; what an intermediary that changed the body may still claim.</summary>
    public EntityTag AsWeak() => this with { IsWeak = true };
}
