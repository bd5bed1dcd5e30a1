using System.Text.Json;
using Gateway.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests;

/// <summary>Client-sent address, URL-override and method-override headers never reach the legacy backend; a trusted
/// proxy's X-Forwarded-* do.</summary>
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

    [Fact]
    public async Task FromAnUntrustedPeer_ForwardedProtoAndHost_AreTheGatewaysOwn()
    {
        await using var upstream = await FakeLegacyUpstream.StartAsync(EchoHeaders);
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        var seen = await SendForwardedAsync(gateway);

        Assert.Equal("127.0.0.1", seen["X-Forwarded-For"]);
        Assert.Equal("http", seen["X-Forwarded-Proto"]);
        Assert.NotEqual("public.example.org", seen["X-Forwarded-Host"]);
    }

    [Fact]
    public async Task FromATrustedProxy_TheClientChainSchemeAndHost_ReachTheUpstream()
    {
        const string config = """
        {
          "Gateway": { "ForwardedHeaders": { "TrustedProxies": [ "127.0.0.1" ] } },
          "ReverseProxy": {
            "Routes": { "api": { "ClusterId": "legacy", "Match": { "Path": "/api/{**rest}" } } },
            "Clusters": { "legacy": { "Destinations": { "d1": { "Address": "{UPSTREAM}" } } } }
          }
        }
        """;
        await using var upstream = await FakeLegacyUpstream.StartAsync(EchoHeaders);
        await using var gateway = await GatewayHost.StartAsync(config, upstream.Address, output);

        var seen = await SendForwardedAsync(gateway);

        // The load balancer's view of the client, then the load balancer itself (NGINX's $proxy_add_x_forwarded_for).
        Assert.Equal("203.0.113.7, 127.0.0.1", seen["X-Forwarded-For"]);
        Assert.Equal("https", seen["X-Forwarded-Proto"]);
        Assert.Equal("public.example.org", seen["X-Forwarded-Host"]);
        Assert.False(seen.ContainsKey("X-Real-IP")); // the other address claims stay untrusted

        // What the proxy does not say is the gateway's own view.
        using var bare = await gateway.Client.GetAsync("/api/echo");
        var plain = new Dictionary<string, string>(
            JsonSerializer.Deserialize<Dictionary<string, string>>(await bare.Content.ReadAsStringAsync())!, StringComparer.OrdinalIgnoreCase);
        Assert.Equal("127.0.0.1", plain["X-Forwarded-For"]);
        Assert.Equal("http", plain["X-Forwarded-Proto"]);
    }

    [Fact]
    public async Task ARouteWithItsOwnForwardedTransform_KeepsIt()
    {
        const string config = """
        {
          "Gateway": { "ForwardedHeaders": { "TrustedProxies": [ "127.0.0.1" ] } },
          "ReverseProxy": {
            "Routes": { "api": { "ClusterId": "legacy", "Match": { "Path": "/api/{**rest}" },
                                 "Transforms": [ { "X-Forwarded": "Off" } ] } },
            "Clusters": { "legacy": { "Destinations": { "d1": { "Address": "{UPSTREAM}" } } } }
          }
        }
        """;
        await using var upstream = await FakeLegacyUpstream.StartAsync(EchoHeaders);
        await using var gateway = await GatewayHost.StartAsync(config, upstream.Address, output);

        using var response = await gateway.Client.GetAsync("/api/echo");
        var seen = JsonSerializer.Deserialize<Dictionary<string, string>>(await response.Content.ReadAsStringAsync())!;

        Assert.False(seen.ContainsKey("X-Forwarded-For"));
        Assert.False(seen.ContainsKey("X-Forwarded-Proto"));
    }

    private static async Task<Dictionary<string, string>> SendForwardedAsync(GatewayHost gateway)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/echo");
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", "203.0.113.7");
        request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", "https");
        request.Headers.TryAddWithoutValidation("X-Forwarded-Host", "public.example.org");
        request.Headers.TryAddWithoutValidation("X-Real-IP", "203.0.113.9");
        using var response = await gateway.Client.SendAsync(request);
        Assert.Equal(200, (int)response.StatusCode);
        var seen = JsonSerializer.Deserialize<Dictionary<string, string>>(await response.Content.ReadAsStringAsync())!;
        return new Dictionary<string, string>(seen, StringComparer.OrdinalIgnoreCase);
    }

    // RFC 9112 §3.2 allows an empty Host; YARP kept it beside the destination's, and the backend got two Host lines
    // (Kestrel, like most servers, refuses that with 400; others pick one).
    [Fact]
    public async Task EmptyHost_UpstreamGetsOneHost_TheDestinations()
    {
        await using var upstream = await FakeLegacyUpstream.StartAsync(EchoHeaders);
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        var exchange = await RawConnection.ExchangeAsync(gateway.Address, "GET /api/echo HTTP/1.1\r\nHost: \r\nConnection: close\r\n\r\n");

        Assert.Equal(200, exchange.Status);
        var body = exchange.Body; // chunked: the JSON is the one chunk
        var seen = JsonSerializer.Deserialize<Dictionary<string, string>>(body[body.IndexOf('{', StringComparison.Ordinal)..(body.LastIndexOf('}') + 1)])!;
        Assert.Equal(new Uri(upstream.Address).Authority, seen["Host"]);
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
