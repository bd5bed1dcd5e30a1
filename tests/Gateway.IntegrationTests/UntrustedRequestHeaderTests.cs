using System.Text.Json;
using Gateway.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests;

/// <summary>Client-sent address, URL-override and method-override headers never reach the legacy backend.</summary>
public sealed class UntrustedRequestHeaderTests(ITestOutputHelper output)
{
    private static readonly string[] s_spoofed =
        ["X-Real-IP", "True-Client-IP", "X-Client-IP", "X-Original-URL", "X-Rewrite-URL", "X-HTTP-Method-Override", "Proxy", "X-Forwarded-Port"];

    [Fact]
    public async Task SpoofedHeaders_AreRemoved_OrdinaryOnesKept_ForwardedForIsTheGatewaysOwn()
    {
        await using var upstream = await FakeLegacyUpstream.StartAsync(EchoHeaders);
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        var seen = await SendAsync(gateway, "/api/echo");

        foreach (var name in s_spoofed)
        {
            Assert.False(seen.ContainsKey(name), name + " reached the upstream");
        }

        Assert.Equal("kept", seen["X-Custom"]);
        Assert.Equal("127.0.0.1", seen["X-Forwarded-For"]); // the gateway's view of the peer, not 6.6.6.6
    }

    [Fact]
    public async Task Config_KeepsANamedBuiltIn_AndStripsAnExtra()
    {
        const string config = """
        {
          "Gateway": { "KeepRequestHeaders": [ "X-HTTP-Method-Override" ], "StripRequestHeaders": [ "X-Custom" ] },
          "ReverseProxy": {
            "Routes": { "api": { "ClusterId": "legacy", "Match": { "Path": "/api/{**rest}" } } },
            "Clusters": { "legacy": { "Destinations": { "d1": { "Address": "{UPSTREAM}" } } } }
          }
        }
        """;
        await using var upstream = await FakeLegacyUpstream.StartAsync(EchoHeaders);
        await using var gateway = await GatewayHost.StartAsync(config, upstream.Address, output);

        var seen = await SendAsync(gateway, "/api/echo");

        Assert.Equal("DELETE", seen["X-HTTP-Method-Override"]);
        Assert.False(seen.ContainsKey("X-Custom"));
        Assert.False(seen.ContainsKey("X-Original-URL"));
    }

    private static void EchoHeaders(WebApplication app) =>
        app.MapGet("/api/echo", (HttpContext c) => Results.Json(c.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString())));

    private static async Task<Dictionary<string, string>> SendAsync(GatewayHost gateway, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        foreach (var name in s_spoofed)
        {
            request.Headers.TryAddWithoutValidation(name, name == "X-HTTP-Method-Override" ? "DELETE" : name.Contains("URL", StringComparison.Ordinal) ? "/admin" : "6.6.6.6");
        }

        request.Headers.TryAddWithoutValidation("X-Forwarded-For", "6.6.6.6");
        request.Headers.TryAddWithoutValidation("X-Custom", "kept");
        using var response = await gateway.Client.SendAsync(request);
        Assert.Equal(200, (int)response.StatusCode);
        var seen = JsonSerializer.Deserialize<Dictionary<string, string>>(await response.Content.ReadAsStringAsync())!;
        return new Dictionary<string, string>(seen, StringComparer.OrdinalIgnoreCase);
    }
}
