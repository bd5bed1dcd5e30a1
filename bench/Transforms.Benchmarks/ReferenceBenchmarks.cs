using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace Transforms.Benchmarks;

/// <summary>
/// Yardsticks measured in the same run as the classifier, to read its figures against the machine's state: a vectorized
/// UTF-8 → UTF-16 transcoding (several GB/s on an idle core), a scalar byte loop (about one byte per cycle), and the
/// platform's JSON reader walking every token of the CleanJson body: the floor under any classifier that reads a JSON
/// error's message (issue 3 asks for the <c>errors</c> list), before it scans a byte for leaks.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Reference")]
public class ReferenceBenchmarks
{
    private byte[] _body = [];
    private char[] _chars = [];
    private byte[] _json = [];

    [Params(1024, 64 * 1024, 1024 * 1024)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _body = Bodies.Create(Body.CleanText, Size).Bytes;
        _chars = new char[Size];
        _json = Bodies.Create(Body.CleanJson, Size).Bytes;
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

    [Benchmark]
    public int JsonTokens()
    {
        var reader = new Utf8JsonReader(_json);
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }
}
