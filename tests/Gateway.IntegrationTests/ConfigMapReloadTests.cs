using System.Net;
using Gateway.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests;

/// <summary>
/// A Kubernetes ConfigMap volume: <c>gateway.json</c> is a symlink to <c>..data/gateway.json</c>, and an update swaps the
/// <c>..data</c> symlink to a new directory in one rename. No file event names <c>gateway.json</c>; the edit must apply anyway.
/// </summary>
public sealed class ConfigMapReloadTests(ITestOutputHelper output)
{
    private const string Config = """
    {
      "ReverseProxy": {
        "Routes": {
          "api": { "ClusterId": "legacy", "Match": { "Path": "/api/{**rest}" } }{EXTRA}
        },
        "Clusters": { "legacy": { "Destinations": { "d1": { "Address": "{UPSTREAM}" } } } }
      }
    }
    """;

    private const string FreshRoute = """
    ,
          "fresh": { "ClusterId": "legacy", "Match": { "Path": "/fresh/{**rest}" }, "Transforms": [ { "PathPattern": "/api/ping" } ] }
    """;

    [Fact]
    public async Task SymlinkedDirectorySwapped_NewConfigApplies()
    {
        await using var upstream = await FakeLegacyUpstream.StartAsync(app => app.MapGet("/api/ping", () => Results.Text("pong")));
        var volume = Directory.CreateTempSubdirectory("gateway-configmap-").FullName;
        Publish(volume, "..2026_12_06_v1", Config.Replace("{EXTRA}", "", StringComparison.Ordinal).Replace("{UPSTREAM}", upstream.Address, StringComparison.Ordinal));
        File.CreateSymbolicLink(Path.Combine(volume, "gateway.json"), Path.Combine("..data", "gateway.json"));
        await using var gateway = await GatewayHost.StartOnFileAsync(Path.Combine(volume, "gateway.json"), volume, output);
        Assert.Equal(HttpStatusCode.NotFound, (await gateway.Client.GetAsync("/fresh/x")).StatusCode);

        Publish(volume, "..2026_12_06_v2", Config.Replace("{EXTRA}", FreshRoute, StringComparison.Ordinal).Replace("{UPSTREAM}", upstream.Address, StringComparison.Ordinal));

        await GatewayHost.EventuallyAsync(() => gateway.Store.Current.Generation == 2, "the swapped config applied", TimeSpan.FromSeconds(15));
        // YARP swaps its endpoints on a background reload just after the store applies a generation.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        HttpResponseMessage fresh;
        while ((fresh = await gateway.Client.GetAsync("/fresh/x")).StatusCode != HttpStatusCode.OK && DateTime.UtcNow < deadline)
        {
            fresh.Dispose();
            await Task.Delay(50);
        }

        using (fresh)
        {
            Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
            Assert.Equal("pong", await fresh.Content.ReadAsStringAsync());
        }

        Assert.Empty(gateway.Store.LastRejection);
    }

    // What the kubelet does: write a new timestamped directory, point ..data_tmp at it, rename over ..data.
    private static void Publish(string volume, string version, string json)
    {
        Directory.CreateDirectory(Path.Combine(volume, version));
        File.WriteAllText(Path.Combine(volume, version, "gateway.json"), json);
        var temporary = Path.Combine(volume, "..data_tmp");
        File.CreateSymbolicLink(temporary, version);
        // rename(2) over the old link, as the kubelet does; File.Move refuses to replace a link to a directory.
        using var rename = System.Diagnostics.Process.Start("mv", ["-T", temporary, Path.Combine(volume, "..data")]);
        rename.WaitForExit();
        Assert.Equal(0, rename.ExitCode);
    }
}
