using System.Net;
using Gateway.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests;

/// <summary>
/// A legacy backend that sends <c>ETag: abc123</c> (no quotes) and compares preconditions as plain strings, as
/// hand-written PHP does: clients get a quoted tag that works, and a tag that is not one tag at all is dropped.
/// </summary>
public sealed class UpstreamETagRepairTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Config = """
    {
      "Gateway": {
        "Routes": {
          "gen": { "ETags": { "Mode": "Generate" } },
          "off": { "ETags": { "Mode": "Off" } }
        }
      },
      "ReverseProxy": {
        "Routes": {
          "pass": { "ClusterId": "legacy", "Match": { "Path": "/api/{**rest}" } },
          "gen": { "ClusterId": "legacy", "Match": { "Path": "/gen/api/{**rest}" }, "Transforms": [ { "PathRemovePrefix": "/gen" } ] },
          "off": { "ClusterId": "legacy", "Match": { "Path": "/off/api/{**rest}" }, "Transforms": [ { "PathRemovePrefix": "/off" } ] }
        },
        "Clusters": { "legacy": { "Destinations": { "d1": { "Address": "{UPSTREAM}" } } } }
      }
    }
    """;

    private const string Body = """{"id":12,"name":"Ada"}""";

    private FakeLegacyUpstream _upstream = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        _upstream = await FakeLegacyUpstream.StartAsync(app =>
        {
            app.MapGet("/api/unquoted", (HttpContext c) =>
            {
                c.Response.Headers.ETag = "abc123";
                return c.Request.Headers.IfNoneMatch == "abc123" ? Results.StatusCode(304) : Results.Text(Body, "application/json");
            });
            app.MapPut("/api/unquoted", (HttpContext c) =>
                c.Request.Headers.IfMatch.Count > 0 && c.Request.Headers.IfMatch != "abc123"
                    ? Results.Text("precondition failed", "text/plain", statusCode: 412)
                    : Results.Text(Body, "application/json"));
            app.MapGet("/api/weak", (HttpContext c) =>
            {
                c.Response.Headers.ETag = "W/1700000000-22";
                return Results.Text(Body, "application/json");
            });
            app.MapGet("/api/broken-tag", (HttpContext c) =>
            {
                c.Response.Headers.ETag = "\"v1";
                return Results.Text(Body, "application/json");
            });
            app.MapGet("/api/empty-tag", (HttpContext c) =>
            {
                c.Response.Headers.ETag = "\"\"";
                return Results.Text(Body, "application/json");
            });
            app.MapGet("/api/two-tags", (HttpContext c) =>
            {
                c.Response.Headers.Append("ETag", "\"a\"");
                c.Response.Headers.Append("ETag", "\"b\"");
                return Results.Text(Body, "application/json");
            });
        });
        _gateway = await GatewayHost.StartAsync(Config, _upstream.Address, output);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Theory]
    [InlineData("/api/unquoted", "\"abc123\"")]
    [InlineData("/gen/api/unquoted", "\"abc123\"")]
    [InlineData("/api/weak", "W/\"1700000000-22\"")]
    public async Task UnquotedTag_ClientGetsItQuoted_BodyUntouched(string path, string expected)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await _gateway.Client.GetAsync(path, timeout.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, RawETag(response));
        Assert.Equal(Body, await response.Content.ReadAsStringAsync(timeout.Token));
        // The completion line is written once the response is done, so it may trail the client by a moment.
        await GatewayHost.EventuallyAsync(
            () => _gateway.Logs.Lines.Any(l => l.Message.Contains($"\"{path}\"", StringComparison.Ordinal) && l.Message.Contains("ETagRepaired", StringComparison.Ordinal)),
            "a completion line naming ETagRepaired");
    }

    [Theory]
    [InlineData("/api/unquoted")]
    [InlineData("/gen/api/unquoted")]
    public async Task QuotedTagSentBack_Gives304_ThoughTheUpstreamComparesStrings(string path)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("If-None-Match", "\"abc123\"");
        using var response = await _gateway.Client.SendAsync(request, timeout.Token);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal("\"abc123\"", RawETag(response));
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(timeout.Token));
    }

    [Fact]
    public async Task UpstreamOwn304_CarriesTheQuotedTag()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/unquoted");
        request.Headers.TryAddWithoutValidation("If-None-Match", "abc123"); // a client that cached the old form
        using var response = await _gateway.Client.SendAsync(request, timeout.Token);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal("\"abc123\"", RawETag(response));
    }

    [Fact]
    public async Task GenerateRoute_PutWithQuotedTag_CheckedByGateway_ForwardedWithoutIfMatch()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var current = await PutAsync("/gen/api/unquoted", "\"abc123\"", timeout.Token);
        using var stale = await PutAsync("/gen/api/unquoted", "\"abc122\"", timeout.Token);

        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        await Payload.ReadEdFiAsync(stale, 412);
        var puts = _upstream.Requests.Where(r => r.Method == "PUT").ToList();
        var forwarded = Assert.Single(puts); // the stale write never reached the upstream
        Assert.False(forwarded.Headers.ContainsKey("If-Match"));
    }

    [Theory]
    [InlineData("/api/broken-tag")]
    [InlineData("/api/two-tags")]
    [InlineData("/api/empty-tag")] // "" names no version: a client would get 304 for whatever comes next
    public async Task NotOneTag_PassthroughRoute_Removed(string path)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await _gateway.Client.GetAsync(path, timeout.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(RawETag(response));
        Assert.Equal(Body, await response.Content.ReadAsStringAsync(timeout.Token));
    }

    [Fact]
    public async Task NotOneTag_GenerateRoute_GetsADerivedTag_ThatAnswers304()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var tag = await ConditionalWriteTests.GetETagAsync(_gateway, "/gen/api/broken-tag", timeout.Token);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/gen/api/broken-tag");
        request.Headers.TryAddWithoutValidation("If-None-Match", tag);
        using var revalidated = await _gateway.Client.SendAsync(request, timeout.Token);

        Assert.Matches("^\"[A-Za-z0-9_-]{22}\"$", tag);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
    }

    [Fact]
    public async Task OffRoute_TagPassesAsSent()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await _gateway.Client.GetAsync("/off/api/unquoted", timeout.Token);

        Assert.Equal("abc123", RawETag(response));
    }

    private Task<HttpResponseMessage> PutAsync(string path, string ifMatch, CancellationToken token)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = new StringContent("{\"name\":\"Ada\"}") };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return _gateway.Client.SendAsync(request, token);
    }

    private static string? RawETag(HttpResponseMessage response) =>
        response.Headers.NonValidated.TryGetValues("ETag", out var values) ? values.ToString() : null;
}
