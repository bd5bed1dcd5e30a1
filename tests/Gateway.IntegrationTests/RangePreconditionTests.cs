using System.Net;
using System.Text;
using Gateway.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests;

/// <summary>
/// Range on a Generate route: the preconditions are evaluated on the full representation before Range (RFC 9110
/// §13.2.2), and the gateway answers it whole with its tag instead of forwarding Range (a server may ignore it, §14.2).
/// </summary>
public sealed class RangePreconditionTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Config = """
    {
      "Gateway": {
        "Routes": {
          "gen": { "ETags": { "Mode": "Generate" } },
          "pass": { "ETags": { "Mode": "Passthrough" } }
        }
      },
      "ReverseProxy": {
        "Routes": {
          "gen": { "ClusterId": "legacy", "Match": { "Path": "/e/{**rest}" }, "Transforms": [ { "PathRemovePrefix": "/e" } ] },
          "pass": { "ClusterId": "legacy", "Match": { "Path": "/p/{**rest}" }, "Transforms": [ { "PathRemovePrefix": "/p" } ] }
        },
        "Clusters": { "legacy": { "Destinations": { "d1": { "Address": "{UPSTREAM}" } } } }
      }
    }
    """;

    private const string Document = "0123456789abcdefghijklmnopqrstu"; // 31 bytes

    private FakeLegacyUpstream _upstream = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        // An ETag-less legacy server that honours Range (and would answer 206 to it).
        _upstream = await FakeLegacyUpstream.StartAsync(app =>
            app.MapGet("/rdoc", () => Results.Bytes(Encoding.ASCII.GetBytes(Document), "text/plain", enableRangeProcessing: true)));
        _gateway = await GatewayHost.StartAsync(Config, _upstream.Address, output);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task Range_StaleIfMatch_412NotPartialContent()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        using var response = await GetAsync("/e/rdoc", timeout.Token, ("Range", "bytes=0-3"), ("If-Match", "\"stale\""));

        await Payload.ReadEdFiAsync(response, 412);
    }

    [Fact]
    public async Task Range_IfNoneMatchCurrentTag_304WithETag()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var tag = await ConditionalWriteTests.GetETagAsync(_gateway, "/e/rdoc", timeout.Token);

        using var response = await GetAsync("/e/rdoc", timeout.Token, ("Range", "bytes=0-3"), ("If-None-Match", tag));

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(tag, response.Headers.ETag?.ToString());
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(timeout.Token));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("current")]
    [InlineData("\"stale\"")]
    public async Task Range_ConditionsHold_FullRepresentationWithETag_RangeNotForwarded(string? ifRange)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var tag = await ConditionalWriteTests.GetETagAsync(_gateway, "/e/rdoc", timeout.Token);
        (string, string)[] fields = ifRange is null
            ? [("Range", "bytes=0-3"), ("If-Match", tag)]
            : [("Range", "bytes=0-3"), ("If-Range", ifRange == "current" ? tag : ifRange)];

        using var response = await GetAsync("/e/rdoc", timeout.Token, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(tag, response.Headers.ETag?.ToString());
        Assert.Null(response.Content.Headers.ContentRange);
        Assert.Equal(Document, await response.Content.ReadAsStringAsync(timeout.Token));
        Assert.All(_upstream.Requests, r => Assert.False(r.Headers.ContainsKey("Range") || r.Headers.ContainsKey("If-Range")));
    }

    [Fact]
    public async Task Passthrough_RangeForwarded_UpstreamAnswers206()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        using var response = await GetAsync("/p/rdoc", timeout.Token, ("Range", "bytes=0-3"));

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal("0123", await response.Content.ReadAsStringAsync(timeout.Token));
        Assert.Contains(_upstream.Requests, r => r.Headers.ContainsKey("Range"));
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
