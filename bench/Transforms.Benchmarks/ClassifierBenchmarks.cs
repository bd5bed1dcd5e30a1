using BenchmarkDotNet.Attributes;
using Gateway.Transforms.Errors;
using Gateway.Transforms.Scrubbing;

namespace Transforms.Benchmarks;

/// <summary>The leak scanner and the full normalizer on clean and leaky bodies of 1 KiB, 64 KiB and 1 MiB.</summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
public class ClassifierBenchmarks
{
    private byte[] _body = [];
    private int _status;
    private string _contentType = "";

    [ParamsAllValues]
    public Body Body { get; set; }

    [Params(1024, 64 * 1024, 1024 * 1024)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (_status, _contentType, _body) = Bodies.Create(Body, Size);

        // A benchmark of the wrong verdict measures nothing: clean bodies must scan clean, leaky ones leaky.
        var leaks = LeakScanner.Scan(_body);
        var expectLeak = Body.ToString().StartsWith("Leaky", StringComparison.Ordinal);
        if ((leaks != LeakKinds.None) != expectLeak)
        {
            throw new InvalidOperationException($"{Body} at {Size} bytes scanned as {leaks}.");
        }
    }

    [Benchmark]
    [BenchmarkCategory("Scan")]
    public LeakKinds Scan() => LeakScanner.Scan(_body);

    [Benchmark]
    [BenchmarkCategory("Normalize")]
    public ErrorVerdict Normalize() =>
        ErrorNormalizer.Normalize(_status, _contentType, _body, truncated: false, ErrorProfile.EdFi, NormalizerSettings.Default);
}
