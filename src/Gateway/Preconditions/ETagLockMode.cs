namespace Gateway.Preconditions;

/// <summary>How check-then-forward of writes is serialized per resource in <see cref="ETagMode.Generate"/>.</summary>
public enum ETagLockMode
{
    /// <summary>Not serialized: two writes may pass the same check at once (lost updates remain possible).</summary>
    None,

    /// <summary>One write per resource at a time inside this gateway instance. The default.</summary>
    Local,
}
