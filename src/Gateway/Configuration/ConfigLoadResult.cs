namespace Gateway.Configuration;

/// <summary>The outcome of reading and checking one config file: a snapshot, or the problems that refused it.</summary>
internal sealed record ConfigLoadResult(GatewaySnapshot? Snapshot, IReadOnlyList<ConfigProblem> Problems)
{
    public bool IsValid => Snapshot is not null && Problems.Count == 0;
}
