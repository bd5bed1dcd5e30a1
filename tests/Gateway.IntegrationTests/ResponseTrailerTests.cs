using System.Net;
using Gateway.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests;

/// <summary>
/// Trailer fields of a chunked upstream answer, which YARP copies to clients that take trailers (HTTP/2): the same
/// leaky names and values are removed as from the header section.
/// </summary>
public sealed class ResponseTrailerTests(ITestOutputHelper output)
{
    private const string Body = "{\"id\":4}";

    // The header rules ran on the header section only: X-Powered-By, a Symfony token, an ORA- error and a node
    // address reached HTTP/2 clients after the body.
    [Fact]
    public async Task LeakyTrailers_AreRemoved_OthersPass()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var upstream = RawTcpUpstream.Answer(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
            + "Trailer: X-Powered-By, X-Debug-Token, X-Error, X-Node, X-Checksum\r\nConnection: close\r\n\r\n"
            + $"{Body.Length:x}\r\n{Body}\r\n0\r\n"
            + "X-Powered-By: PHP/7.2.1\r\nX-Debug-Token: 4f5e6a\r\nX-Error: ORA-00942: table or view does not exist\r\n"
            + "X-Node: 10.0.3.17:8080\r\nX-Internal-Build: 4711\r\nX-Checksum: 9f86d081\r\n\r\n");
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output,
            configure: b => b.WebHost.ConfigureKestrel(k => k.ConfigureEndpointDefaults(l => l.Protocols = HttpProtocols.Http2)));
        using var client = new HttpClient
        {
            BaseAddress = new Uri(gateway.Address),
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };

        using var response = await client.GetAsync("/api/students/4", cts.Token);
        var body = await response.Content.ReadAsStringAsync(cts.Token);

        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Body, body);
        var trailers = response.TrailingHeaders.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        Assert.Equal("9f86d081", trailers.GetValueOrDefault("X-Checksum"));
        Assert.False(trailers.ContainsKey("X-Powered-By"));
        Assert.False(trailers.ContainsKey("X-Debug-Token"));
        Assert.False(trailers.ContainsKey("X-Error"));
        Assert.False(trailers.ContainsKey("X-Node"));
        Assert.False(trailers.ContainsKey("X-Internal-Build")); // the operator's list applies too
    }
}
