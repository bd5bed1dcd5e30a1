using System.Net;
using Gateway.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests;

/// <summary>A <c>Serilog</c> section in the config file changes levels and adds the sinks the gateway ships.</summary>
public sealed class SerilogSectionTests(ITestOutputHelper output)
{
    private const string CompletionCategory = "Gateway.Middleware.RequestLogMiddleware";


    [Fact]
    public async Task LevelOverride_SilencesTheCompletionLine()
    {
        await using var upstream = await FakeLegacyUpstream.StartAsync(app => app.MapGet("/ok", () => Results.Json(new { id = 1 })));
        var config = TestConfigs.CatchAll("\"Serilog\": { \"MinimumLevel\": { \"Override\": { \"" + CompletionCategory + "\": \"Warning\" } } }");
        await using var gateway = await GatewayHost.StartAsync(config, upstream.Address, output);

        using (var response = await gateway.Client.GetAsync(new Uri("/ok", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // The line is written as the request ends, after the client has its answer.
        await Task.Delay(300);
        Assert.DoesNotContain(gateway.Logs.Lines, l => l.Category == CompletionCategory);
        Assert.Contains(gateway.Logs.Lines, l => l.Category == "Microsoft.Hosting.Lifetime"); // other Information lines still flow
    }

    [Fact]
    public async Task FileSinkFromConfig_WritesTheCompletionLine()
    {
        await using var upstream = await FakeLegacyUpstream.StartAsync(app => app.MapGet("/ok", () => Results.Json(new { id = 1 })));
        var directory = Directory.CreateTempSubdirectory("gateway-serilog-").FullName;
        var path = Path.Combine(directory, "gateway.log");
        try
        {
            var config = TestConfigs.CatchAll("\"Serilog\": { \"WriteTo\": [ { \"Name\": \"File\", \"Args\": { \"path\": " + System.Text.Json.JsonSerializer.Serialize(path)
                + ", \"formatter\": \"Serilog.Formatting.Compact.CompactJsonFormatter, Serilog.Formatting.Compact\" } } ] }");
            await using (var gateway = await GatewayHost.StartAsync(config, upstream.Address, output))
            {
                using var response = await gateway.Client.GetAsync(new Uri("/ok", UriKind.Relative));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                await GatewayHost.EventuallyAsync(() => File.Exists(path) && ReadShared(path).Contains("RequestCompleted", StringComparison.Ordinal), "the completion line in the file sink");
            }

            var line = ReadShared(path).Split('\n').First(l => l.Contains("RequestCompleted", StringComparison.Ordinal));
            Assert.Contains("\"Path\":\"/ok\"", line, StringComparison.Ordinal);
            Assert.Contains("\"StatusCode\":200", line, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
