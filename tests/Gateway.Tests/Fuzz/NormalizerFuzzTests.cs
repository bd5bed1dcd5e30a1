using System.Text.Json;
using System.Text.Json.Serialization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Gateway.Tests.Fuzz;

/// <summary>
/// The normalizer fed error bodies that hide a leak in random containers, charsets and codings: nothing throws, and
/// no leak reaches the client (no pass-through, a clean message and payload). Inputs that once broke it are replayed
/// from <c>FuzzCorpus/normalizer</c>.
/// </summary>
public class NormalizerFuzzTests
{
    private static readonly JsonSerializerOptions s_json = new() { Converters = { new JsonStringEnumConverter() } };

    private static readonly string s_corpus = Path.Combine(AppContext.BaseDirectory, "FuzzCorpus", "normalizer");

    public static TheoryData<string> CorpusFiles { get; } =
        new(Directory.GetFiles(s_corpus, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Property(Arbitrary = [typeof(LeakyBodyGen)], MaxTest = 3000)]
    public Property Normalize_LeakHiddenInAnyBody_NeverReachesTheClient(LeakyBody body)
    {
        var violation = NormalizerHarness.Violation(body);
        return (violation is null).Label(violation ?? "");
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Normalize_CorpusCase_NeverReachesTheClient(string file)
    {
        var input = JsonSerializer.Deserialize<LeakyBody>(File.ReadAllBytes(Path.Combine(s_corpus, file)), s_json)!;

        Assert.Null(NormalizerHarness.Violation(input));
    }
}
