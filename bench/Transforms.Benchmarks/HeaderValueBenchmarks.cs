using BenchmarkDotNet.Attributes;
using Gateway.Transforms.Errors;
using Gateway.Transforms.Headers;

namespace Transforms.Benchmarks;

/// <summary>
/// What judging a backend's own response header costs the success path: one lookup for a standard header, a leak scan
/// of the value for any other. Baseline: the lookup alone.
/// </summary>
[MemoryDiagnoser]
public class HeaderValueBenchmarks
{
    [Params("X-Request-Id: 4bf92f35-77b3-4da6-a3ce-929d0e0e4736", "X-Total-Count: 42", "X-Node: 10.0.3.17:8080")]
    public string Header { get; set; } = "";

    private string _name = "";
    private string _value = "";

    [GlobalSetup]
    public void Setup()
    {
        var colon = Header.IndexOf(':', StringComparison.Ordinal);
        _name = Header[..colon];
        _value = Header[(colon + 2)..];
    }

    [Benchmark(Baseline = true)]
    public bool StandardLookup() => LeakyHeaderValue.IsJudged("Content-Type");

    [Benchmark]
    public LeakKinds Judge() => LeakyHeaderValue.IsJudged(_name) ? LeakyHeaderValue.Scan(_value) : LeakKinds.None;
}
