using Gateway.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests;

/// <summary>The leak scanner is built after startup in the background, not by the first upstream error.</summary>
public sealed class ClassifierWarmupTests(ITestOutputHelper output)
{
    [Fact]
    public async Task AfterStartup_ClassifierIsBuiltWithoutAnyRequest()
    {
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, "http://127.0.0.1:9", output);

        await GatewayHost.EventuallyAsync(
            () => gateway.Logs.Lines.Any(l => l.EventName == "Warmed" && l.Message.StartsWith("Error classifier ready", StringComparison.Ordinal)),
            "the classifier warm-up line",
            TimeSpan.FromSeconds(60));
    }
}
