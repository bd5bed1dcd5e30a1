using System.Net;
using Gateway.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Gateway.IntegrationTests;

/// <summary>The gateway process with ASPNETCORE_FORWARDEDHEADERS_ENABLED set, as a careless image might: it must not trust X-Forwarded-For.</summary>
public sealed class RateLimitProcessTests : IDisposable
{
    private const string Config = """
    {
      "Gateway": {
        "RateLimiting": { "Policies": { "two": { "Kind": "FixedWindow", "PermitLimit": 2, "Window": "1.00:00:00" } } }
      },
      "ReverseProxy": {
        "Routes": { "api": { "ClusterId": "legacy", "Match": { "Path": "/api/{**rest}" }, "RateLimiterPolicy": "two" } },
        "Clusters": { "legacy": { "Destinations": { "d1": { "Address": "{UPSTREAM}" } } } }
      }
    }
    """;

    private readonly ScratchDirectory _scratch = new("gateway-process-");

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task ForwardedHeadersEnabledByEnvironment_IsIgnored_SpoofedAddressesShareOneBucket()
    {
        await using var upstream = await FakeLegacyUpstream.StartAsync(app => app.MapGet("/api/ping", () => Results.Text("pong")));
        var path = Path.Combine(_scratch.Path, "gateway.json");
        await File.WriteAllTextAsync(path, Config.Replace("{UPSTREAM}", upstream.Address, StringComparison.Ordinal));
        var port = GatewayProcess.FreePort();
        using var process = GatewayProcess.Start(["--config", path, "--urls", $"http://127.0.0.1:{port}"],
            new Dictionary<string, string> { ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true" });
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        await process.WaitUntilReadyAsync(client);

        var statuses = new List<int>();
        foreach (var spoofed in new[] { "203.0.113.1", "203.0.113.2", "203.0.113.3" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/ping");
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", spoofed);
            using var response = await client.SendAsync(request);
            statuses.Add((int)response.StatusCode);
        }

        Assert.Equal(new[] { 200, 200, 429 }, statuses);
        Assert.Equal(2, upstream.Requests.Count);
        Assert.Contains("ASPNETCORE_FORWARDEDHEADERS_ENABLED is ignored", process.AllOutput, StringComparison.Ordinal);
    }

}
