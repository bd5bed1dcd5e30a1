using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Gateway.Tests.Fuzz;

/// <summary>
/// The config loader fed mutated files: it never throws, and it answers either a valid snapshot or problems, each
/// with a path and a message. Inputs that once broke it are replayed from <c>FuzzCorpus/config</c>.
/// </summary>
public class ConfigLoaderFuzzTests
{
    public static TheoryData<string> CorpusFiles { get; } =
        new(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "FuzzCorpus", "config")).Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Property(Arbitrary = [typeof(ConfigMutationGen)], MaxTest = 1500)]
    public Property LoadAsync_MutatedConfig_AnswersASnapshotOrProblems(ConfigMutation mutation)
    {
        var violation = ConfigLoaderHarness.Violation(ConfigLoaderHarness.Load(mutation.Bytes));
        return (violation is null).Label(violation ?? "");
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void LoadAsync_CorpusFile_AnswersASnapshotOrProblems(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "FuzzCorpus", "config", file));

        var outcome = ConfigLoaderHarness.Load(bytes);

        Assert.Null(ConfigLoaderHarness.Violation(outcome));
        if (file.StartsWith("seed-", StringComparison.Ordinal))
        {
            Assert.True(outcome.Result!.IsValid, string.Join("\n", outcome.Result.Problems));
        }
    }
}
