using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Gateway.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests;

/// <summary>
/// <c>ValidateJsonRequestBody</c> over HTTP/2 (cleartext, prior knowledge), where a body of unknown length comes in
/// DATA frames with neither <c>Content-Length</c> nor <c>Transfer-Encoding</c>.
/// </summary>
public sealed class RequestBodyHttp2Tests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Config = """
    {
      "Gateway": { "Routes": { "checked": { "ValidateJsonRequestBody": true } } },
      "ReverseProxy": {
        "Routes": { "checked": { "ClusterId": "c", "Match": { "Path": "/api/{**rest}" } } },
        "Clusters": { "c": { "Destinations": { "d": { "Address": "{UPSTREAM}" } } } }
      }
    }
    """;

    private FakeLegacyUpstream _upstream = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        _upstream = await FakeLegacyUpstream.StartAsync(app => app.MapPost("/api/students", async (HttpContext c) =>
        {
            using var reader = new StreamReader(c.Request.Body);
            return Results.Text("echo:" + await reader.ReadToEndAsync(), "text/plain");
        }));
        _gateway = await GatewayHost.StartAsync(Config, _upstream.Address, output,
            configure: b => b.WebHost.ConfigureKestrel(k => k.ConfigureEndpointDefaults(l => l.Protocols = HttpProtocols.Http2)));
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    // Only Content-Length or Transfer-Encoding was taken as a sign of a body: over HTTP/2 the malformed body went unchecked.
    [Fact]
    public async Task MalformedJson_OfUnknownLength_400_UpstreamSeesNothing()
    {
        using var content = new StreamContent(new NonSeekableStream("{\"firstName\":"u8.ToArray()));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var client = Http2Client();
        using var response = await client.PostAsync("/api/students", content);

        Assert.Equal(HttpVersion.Version20, response.Version);
        await Payload.ReadEdFiAsync(response, 400);
        Assert.Empty(_upstream.Requests);
    }

    [Fact]
    public async Task WellFormedJson_OfUnknownLength_IsForwarded()
    {
        const string body = """{"firstName":"Ada"}""";
        using var content = new StreamContent(new NonSeekableStream(Encoding.UTF8.GetBytes(body)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var client = Http2Client();
        using var response = await client.PostAsync("/api/students", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("echo:" + body, await response.Content.ReadAsStringAsync());
    }

    private HttpClient Http2Client() => new()
    {
        BaseAddress = new Uri(_gateway.Address),
        DefaultRequestVersion = HttpVersion.Version20,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        Timeout = TimeSpan.FromSeconds(30),
    };
}
