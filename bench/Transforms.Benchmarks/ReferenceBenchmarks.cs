using System.Text;
using BenchmarkDotNet.Attributes;

namespace Transforms.Benchmarks;

/// <summary>
/// Yardsticks measured in the same run as the classifier, to read its figures against the machine's state: a vectorized
/// UTF-8 → UTF-16 transcoding (several GB/s on an idle core) and a scalar byte loop (about one byte per cycle).
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Reference")]
public class ReferenceBenchmarks
{
    private byte[] _body = [];
    private char[] _chars = [];

    [Params(1024, 64 * 1024, 1024 * 1024)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _body = Bodies.Create(Body.CleanText, Size).Bytes;
        _chars = new char[Size];
    }

    [Benchmark]
    public int Transcode() => Encoding.UTF8.GetChars(_body, _chars);

    [Benchmark]
    public int ByteLoop()
    {
        var sum = 0;
        foreach (var b in _body)
        {
            sum += b;
        }

        return sum;
    }
}
