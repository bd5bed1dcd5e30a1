using System.Net;
using Gateway.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests;

/// <summary>
/// Passthrough routes in front of legacy servers that tag their representations but get conditional requests wrong:
/// one answers Range with 206 whatever the preconditions say, one sends its own 304 with a body's metadata.
/// </summary>
public sealed class UpstreamConditionalAnswerTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Config = """
    {
      "Gateway": {
        "Routes": { "pass": { "ETags": { "Mode": "Passthrough" } } }
      },
      "ReverseProxy": {
        "Routes": { "pass": { "ClusterId": "legacy", "Match": { "Path": "/api/{**rest}" } } },
        "Clusters": { "legacy": { "Destinations": { "d1": { "Address": "{UPSTREAM}" } } } }
      }
    }
    """;

    private const string Document = "0123456789abcdefghijklmnopqrstu";
    private const string Tag = "\"doc-7\"";

    private FakeLegacyUpstream _upstream = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        _upstream = await FakeLegacyUpstream.StartAsync(app =>
        {
            // Honours Range, ignores If-Match and If-None-Match.
            app.MapGet("/api/doc", (HttpContext c) =>
            {
                c.Response.Headers.ETag = Tag;
                c.Response.ContentType = "text/plain";
                if (c.Request.Headers.Range.Count == 0)
                {
                    return c.Response.WriteAsync(Document);
                }

                c.Response.StatusCode = StatusCodes.Status206PartialContent;
                c.Response.Headers.ContentRange = $"bytes 0-3/{Document.Length}";
                return c.Response.WriteAsync(Document[..4]);
            });
            // An old PHP stack's 304: the page's Content-Type, and Content-Length: 0 for the empty body.
            app.MapGet("/api/legacy-304", (HttpContext c) =>
            {
                c.Response.StatusCode = StatusCodes.Status304NotModified;
                c.Response.Headers.ETag = Tag;
                c.Response.Headers.CacheControl = "max-age=60";
                c.Response.Headers.ContentType = "text/html; charset=UTF-8";
                c.Response.Headers.ContentLanguage = "de";
                c.Response.Headers.ContentLength = 0;
                return Task.CompletedTask;
            });
        });
        _gateway = await GatewayHost.StartAsync(Config, _upstream.Address, output);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task Range_StaleIfMatch_UpstreamAnswers206_412()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        using var response = await GetAsync("/api/doc", timeout.Token, ("Range", "bytes=0-3"), ("If-Match", "\"doc-6\""));

        await Payload.ReadEdFiAsync(response, 412);
    }

    [Fact]
    public async Task Range_IfNoneMatchCurrent_UpstreamAnswers206_304()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        using var response = await GetAsync("/api/doc", timeout.Token, ("Range", "bytes=0-3"), ("If-None-Match", Tag));

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(Tag, response.Headers.ETag?.ToString());
        Assert.Null(response.Content.Headers.ContentRange);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(timeout.Token));
    }

    [Fact]
    public async Task Range_ConditionsHold_206Passes()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        using var response = await GetAsync("/api/doc", timeout.Token, ("Range", "bytes=0-3"), ("If-Match", Tag));

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal("0123", await response.Content.ReadAsStringAsync(timeout.Token));
    }

    [Fact]
    public async Task UpstreamsOwn304_RepresentationMetadataDropped_ValidatorsKept()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        using var response = await GetAsync("/api/legacy-304", timeout.Token, ("If-None-Match", Tag));
        var (status, head) = await RawHttp.SendAsync(
            _gateway.Address, $"GET /api/legacy-304 HTTP/1.1\nHost: gateway\nIf-None-Match: {Tag}", timeout.Token);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(Tag, response.Headers.ETag?.ToString());
        Assert.Equal("max-age=60", response.Headers.CacheControl?.ToString());
        Assert.True(response.Headers.Contains("X-Correlation-Id"));
        Assert.Null(response.Content.Headers.ContentType);
        Assert.Empty(response.Content.Headers.ContentLanguage);
        Assert.Equal(304, status);
        Assert.DoesNotContain("Content-Length", head, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Content-Type", head, StringComparison.OrdinalIgnoreCase);
    }

    private Task<HttpResponseMessage> GetAsync(string path, CancellationToken token, params (string Name, string Value)[] fields)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        foreach (var (name, value) in fields)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return _gateway.Client.SendAsync(request, token);
    }
}
