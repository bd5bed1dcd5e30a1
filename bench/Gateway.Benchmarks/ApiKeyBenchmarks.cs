using BenchmarkDotNet.Attributes;
using Gateway.Auth.ApiKeys;

namespace Gateway.Benchmarks;

/// <summary>An API key check: one SHA-256 plus a constant-time compare against every configured key.</summary>
public class ApiKeyBenchmarks
{
    private ApiKeyTable _table = null!;
    private string _key = "";

    [Params(10, 1000)]
    public int Keys { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var entries = Enumerable.Range(0, Keys).Select(i =>
        {
            return !ApiKeyTable.TryParseHash(ApiKeyTable.HashOf($"key-{i:D6}-0123456789abcdef"), out var hash)
                ? throw new InvalidOperationException("bad hash")
                : new ApiKeyEntry(hash, $"client-{i}", ["students:read"], []);
        }).ToList();
        _table = new ApiKeyTable(entries);
        _key = $"key-{Keys / 2:D6}-0123456789abcdef";
    }

    [Benchmark]
    public bool Find() => _table.Find(_key) is not null;
}
