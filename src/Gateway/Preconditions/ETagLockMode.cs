namespace Gateway.Preconditions;

/// <summary>How check-then-forward of writes is serialized per resource in <see cref="ETagMode.Generate"/>.</summary>
public enum ETagLockMode
{
    /// <summary>Not serialized: two writes may pass the same check at once (lost updates remain possible).</summary>
    None,

    /// <summary>One write per resource at a time inside this gateway instance. The default.</summary>
    Local,

    /// <summary>
    /// One write per resource at a time across every instance that shares the Redis of
    /// <see cref="ETagLockOptions.RedisConfiguration"/> (a lease, renewed while held). When Redis cannot be
    /// reached the write is refused (503; Ed-Fi 500), never forwarded unserialized.
    /// </summary>
    Redis,
}
