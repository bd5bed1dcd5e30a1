using System.Net;
using System.Text;
using Gateway.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests;

/// <summary>
/// The default mode, against the commonest legacy backend: it tags its GETs (its framework does that) but applies every
/// write whatever If-Match says. A stale write gets 412 and is not forwarded (behaviour.md §3).
/// </summary>
public sealed class PassthroughWriteCheckTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Config = """
    {
      "ReverseProxy": {
        "Routes": { "api": { "ClusterId": "legacy", "Match": { "Path": "/api/{**rest}" } } },
        "Clusters": { "legacy": { "Destinations": { "d1": { "Address": "{UPSTREAM}" } } } }
      }
    }
    """;

    private FakeLegacyUpstream _upstream = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        _upstream = await FakeLegacyUpstream.StartAsync(app =>
        {
            app.MapGet("/api/students/{id}", (HttpContext c) =>
            {
                c.Response.Headers.ETag = "\"v2\"";
                return Results.Text("""{"id":12,"lastName":"Moreau"}""", "application/json");
            });
            app.MapMethods("/api/students/{id}", ["PUT", "DELETE"], () => Results.NoContent()); // If-Match never read
            app.MapGet("/api/sessions/{id}", () => Results.StatusCode(405)); // a write-only path
            app.MapDelete("/api/sessions/{id}", () => Results.NoContent());
        });
        _gateway = await GatewayHost.StartAsync(Config, _upstream.Address, output);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task StaleIfMatch_UpstreamThatIgnoresIt_412_NotForwarded(string method)
    {
        using var response = await SendAsync(method, "/api/students/12", "\"v1\"");

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Contains("\"code\":412", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(_upstream.Requests, r => r.Method == method);
    }

    [Fact]
    public async Task CurrentIfMatch_Forwarded_WithItsField()
    {
        using var response = await SendAsync("PUT", "/api/students/12", "\"v2\"");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var write = Assert.Single(_upstream.Requests, r => r.Method == "PUT");
        Assert.Equal("\"v2\"", write.Headers["If-Match"]);
    }

    [Fact]
    public async Task NothingToCheckAgainst_TheUpstreamDecides()
    {
        using var response = await SendAsync("DELETE", "/api/sessions/7", "\"s1\"");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Single(_upstream.Requests, r => r.Method == "DELETE");
    }

    private Task<HttpResponseMessage> SendAsync(string method, string path, string ifMatch)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "PUT")
        {
            request.Content = new StringContent("""{"id":12,"lastName":"Moreau-Diaz"}""", Encoding.UTF8, "application/json");
        }

        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return _gateway.Client.SendAsync(request);
    }
}
