namespace Gateway.IntegrationTests.Observability;

/// <summary>
/// A MeterProvider listens to every meter of its name in the process, so other tests' gateways would move these
/// tests' counters: this collection runs alone, after the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ObservabilityTestGroup
{
    public const string Name = "Observability";
}
