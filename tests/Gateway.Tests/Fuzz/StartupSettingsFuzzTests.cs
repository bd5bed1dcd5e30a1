using Gateway.Configuration;

namespace Gateway.Tests.Fuzz;

/// <summary>
/// The startup read of the config file (Kestrel and Serilog settings) skips a file configuration cannot read, so the
/// config store reports it with a clear message instead of the host dying on a <see cref="FormatException"/>.
/// </summary>
public class StartupSettingsFuzzTests
{
    public static TheoryData<string> UnreadableFiles { get; } =
        new(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "FuzzCorpus", "config"), "found-unreadable-*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(UnreadableFiles))]
    public void TryRead_FileConfigurationRefuses_IsSkipped(string file)
    {
        var stream = StartupSettings.TryRead(Path.Combine(AppContext.BaseDirectory, "FuzzCorpus", "config", file));

        Assert.Null(stream);
    }

    [Fact]
    public void TryRead_ValidSeed_IsRead()
    {
        using var stream = StartupSettings.TryRead(Path.Combine(AppContext.BaseDirectory, "FuzzCorpus", "config", "seed-sample.json"));

        Assert.NotNull(stream);
    }
}
