namespace Gateway.Configuration;

/// <summary>
/// The config generation in force, read on every request. Separate from <see cref="GatewayConfigStore"/> because
/// YARP's validator (which the store uses) builds transforms that read it.
/// </summary>
internal sealed class GatewaySnapshotAccessor
{
    private volatile GatewaySnapshot? _current;

    /// <summary>Set before the server starts; never null afterwards.</summary>
    public GatewaySnapshot Current
    {
        get => _current ?? throw new InvalidOperationException("The gateway config has not been loaded.");
        set => _current = value;
    }

    /// <summary>The generation in force, or null before the first load (YARP's validator runs before it).</summary>
    public GatewaySnapshot? CurrentOrNull => _current;
}
