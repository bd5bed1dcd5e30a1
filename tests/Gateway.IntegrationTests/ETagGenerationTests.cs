using System.IO.Compression;
using System.Net;
using System.Text;
using Gateway.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests;

/// <summary>Generate mode's edges: the size bound, HEAD, compression, upstream tags, error and altered bodies, reload.</summary>
public sealed class ETagGenerationTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Config = """
    {
      "Gateway": {
        "Routes": {
          "gen": { "ETags": { "Mode": "Generate", "MaxBodyBytes": 1024 } },
          "off": { "ETags": { "Mode": "Off" } },
          "strip": { "StripDebugFields": true, "ETags": { "Mode": "Generate" } }
        }
      },
      "ReverseProxy": {
        "Routes": {
          "gen": { "ClusterId": "legacy", "Match": { "Path": "/api/{**rest}" } },
          "off": { "ClusterId": "legacy", "Match": { "Path": "/off/api/{**rest}" }, "Transforms": [ { "PathRemovePrefix": "/off" } ] },
          "strip": { "ClusterId": "legacy", "Match": { "Path": "/strip/api/{**rest}" }, "Transforms": [ { "PathRemovePrefix": "/strip" } ] }
        },
        "Clusters": { "legacy": { "Destinations": { "d1": { "Address": "{UPSTREAM}" } } } }
      }
    }
    """;

    private static readonly string s_small = """{"id":1,"name":"small"}""";
    private static readonly string s_large = new('x', 4096);
    private static readonly byte[] s_gzipped = Gzip("""{"id":1,"name":"compressed"}""");

    private FakeLegacyUpstream _upstream = null!;
    private GatewayHost _gateway = null!;
    private string _mutable = "v1";

    public async Task InitializeAsync()
    {
        _upstream = await FakeLegacyUpstream.StartAsync(app =>
        {
            app.MapGet("/api/small", () => Results.Text(s_small, "application/json"));
            app.MapGet("/api/mutable", () => Results.Text(_mutable, "text/plain"));
            app.MapGet("/api/large", () => Results.Text(s_large, "text/plain"));
            app.MapGet("/api/large-chunked", async (HttpContext c) =>
            {
                c.Response.ContentType = "text/plain";
                for (var i = 0; i < 4; i++)
                {
                    await c.Response.WriteAsync(s_large[..1024]);
                    await c.Response.Body.FlushAsync();
                }
            });
            app.MapGet("/api/gzip-anyway", (HttpContext c) =>
            {
                c.Response.Headers.ContentEncoding = "gzip";
                return Results.Bytes(s_gzipped, "application/json");
            });
            app.MapGet("/api/tagged", (HttpContext c) =>
            {
                c.Response.Headers.ETag = "\"upstream-7\"";
                return Results.Text(s_small, "application/json");
            });
            app.MapGet("/api/broken", () => Results.Text("<h1>Server Error</h1><pre>at Foo.Bar()</pre>", "text/html", Encoding.UTF8, 500));
            app.MapGet("/api/moved", (HttpContext c) =>
            {
                c.Response.Headers.ETag = "\"moved-1\"";
                c.Response.Headers.Location = $"http://{c.Request.Host}/api/small";
                return Results.Text("<a href=\"here\">Object moved</a>", "text/html", Encoding.UTF8, 302);
            });
            app.MapPut("/api/large", () => Results.Text("{}", "application/json"));
            app.MapGet("/api/debug", (HttpContext c) =>
            {
                c.Response.Headers.ETag = "\"up-1\"";
                return Results.Text("""{"id":1,"stackTrace":"at Legacy.Items.Get()"}""", "application/json");
            });
            app.MapGet("/api/clean", (HttpContext c) =>
            {
                c.Response.Headers.ETag = "\"up-2\"";
                return Results.Text("""{"id":2}""", "application/json");
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
    public async Task SmallBody_StrongETagOfIdentityBytes_BodyUnchanged()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var first = await _gateway.Client.GetAsync("/api/small", timeout.Token);
        using var second = await _gateway.Client.GetAsync("/api/small", timeout.Token);
        using var off = await _gateway.Client.GetAsync("/off/api/small", timeout.Token);

        Assert.Equal(s_small, await first.Content.ReadAsStringAsync(timeout.Token));
        Assert.Equal(s_small.Length, first.Content.Headers.ContentLength);
        Assert.False(first.Headers.ETag!.IsWeak);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Null(off.Headers.ETag);
        Assert.Contains(_gateway.Logs.Lines, l => l.Message.Contains("ETagGenerated", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RepresentationChanges_ETagChanges_OldTagNoLongerGives304()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var before = await ConditionalWriteTests.GetETagAsync(_gateway, "/api/mutable", timeout.Token);
        _mutable = "v2";
        var after = await ConditionalWriteTests.GetETagAsync(_gateway, "/api/mutable", timeout.Token);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/mutable");
        request.Headers.TryAddWithoutValidation("If-None-Match", before);
        using var response = await _gateway.Client.SendAsync(request, timeout.Token);

        Assert.NotEqual(before, after);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("v2", await response.Content.ReadAsStringAsync(timeout.Token));
    }

    [Theory]
    [InlineData("/api/large")]
    [InlineData("/api/large-chunked")]
    public async Task BodyOverBound_StreamsWholeWithoutETag(string path)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("If-None-Match", "\"anything\"");
        using var response = await _gateway.Client.SendAsync(request, timeout.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.ETag);
        Assert.Equal(4096, (await response.Content.ReadAsStringAsync(timeout.Token)).Length);
    }

    // Generate mode removed the fields upstream, so the gateway must still answer them without a tag: a chunked body
    // is found over the bound only while reading, and was streamed as a 200 whatever the conditions said.
    [Theory]
    [InlineData("/api/large", "If-None-Match", "*", 304)]
    [InlineData("/api/large-chunked", "If-None-Match", "*", 304)]
    [InlineData("/api/large", "If-Match", "\"anything\"", 412)]
    [InlineData("/api/large-chunked", "If-Match", "\"anything\"", 412)]
    public async Task BodyOverBound_GetConditionsStillAnswered(string path, string field, string value, int expected)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation(field, value);
        using var response = await _gateway.Client.SendAsync(request, timeout.Token);
        var body = await response.Content.ReadAsStringAsync(timeout.Token);

        Assert.Equal(expected, (int)response.StatusCode);
        Assert.DoesNotContain("xxxx", body, StringComparison.Ordinal);
        Assert.True(response.Headers.Contains("X-Correlation-Id"));
    }

    [Theory]
    [InlineData("\"anything\"", 412, 0)]
    [InlineData("*", 200, 1)]
    public async Task BodyOverBound_WriteChecks_TagCannotMatch_StarMeansExists(string ifMatch, int expected, int puts)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/large") { Content = new StringContent("x") };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        using var response = await _gateway.Client.SendAsync(request, timeout.Token);

        Assert.Equal(expected, (int)response.StatusCode);
        Assert.Equal(puts, _upstream.Requests.Count(r => r.Method == "PUT"));
    }

    [Fact]
    public async Task Head_SameETagAndLengthAsGet_NoBody_UpstreamAskedWithPlainGet()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var get = await _gateway.Client.GetAsync("/api/small", timeout.Token);
        using var request = new HttpRequestMessage(HttpMethod.Head, "/api/small");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip, br");
        request.Headers.TryAddWithoutValidation("If-None-Match", "\"other\"");
        using var head = await _gateway.Client.SendAsync(request, timeout.Token);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(s_small.Length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(timeout.Token));
        var seen = _upstream.Requests.Where(r => r.PathAndQuery == "/api/small").ToList();
        Assert.Equal(["GET", "GET"], seen.Select(r => r.Method));
        Assert.All(seen, r => Assert.False(r.Headers.ContainsKey("Accept-Encoding") || r.Headers.ContainsKey("If-None-Match")));
    }

    [Fact]
    public async Task UpstreamCompressesAnyway_NoETagDerived_BodyUntouched()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/gzip-anyway");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip");
        using var response = await _gateway.Client.SendAsync(request, timeout.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.ETag);
        Assert.Equal("gzip", response.Content.Headers.ContentEncoding.Single());
        Assert.Equal(s_gzipped, await response.Content.ReadAsByteArrayAsync(timeout.Token));
        Assert.False(_upstream.Requests.Single(r => r.PathAndQuery == "/api/gzip-anyway").Headers.ContainsKey("Accept-Encoding"));
    }

    [Fact]
    public async Task UpstreamSendsOwnETag_ItIsUsed_And304FromIt()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var tag = await ConditionalWriteTests.GetETagAsync(_gateway, "/api/tagged", timeout.Token);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/tagged");
        request.Headers.TryAddWithoutValidation("If-None-Match", "W/\"upstream-7\"");
        using var response = await _gateway.Client.SendAsync(request, timeout.Token);

        Assert.Equal("\"upstream-7\"", tag);
        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal("\"upstream-7\"", response.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task UpstreamError_NotTouched_NormalizedWithoutETag()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/broken");
        request.Headers.TryAddWithoutValidation("If-None-Match", "*");
        using var response = await _gateway.Client.SendAsync(request, timeout.Token);

        var json = await Payload.ReadEdFiAsync(response, 500);
        Assert.Null(response.Headers.ETag);
        Assert.DoesNotContain("Foo.Bar", json.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BodyAlteredByGateway_StrongUpstreamETagIsWeakened()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await _gateway.Client.GetAsync("/api/moved", timeout.Token);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(timeout.Token)); // the redirect body was dropped
        Assert.Equal("W/\"moved-1\"", response.Headers.ETag?.ToString());
    }

    [Theory]
    [InlineData("/strip/api/debug", null)]
    [InlineData("/strip/api/clean", "\"up-2\"")]
    [InlineData("/strip/api/small", null)]
    public async Task SuccessBodyReadByAnotherStep_NoStrongETag(string path, string? expected)
    {
        // A route that strips debug fields writes success bodies itself: a changed body loses the upstream's tag,
        // an unchanged one keeps it, and generate mode derives none there (the body is gone when it runs).
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await _gateway.Client.GetAsync(path, timeout.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Headers.ETag?.ToString());
        Assert.DoesNotContain("stackTrace", await response.Content.ReadAsStringAsync(timeout.Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reload_ModeChangesWithoutRestart_BadETagsConfigRefusedWithPath()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using (var before = await _gateway.Client.GetAsync("/off/api/small", timeout.Token))
        {
            Assert.Null(before.Headers.ETag);
        }

        var bad = Config.Replace("\"MaxBodyBytes\": 1024", "\"MaxBodyBytes\": 0", StringComparison.Ordinal);
        await _gateway.WriteConfigAsync(bad, _upstream.Address);
        await GatewayHost.EventuallyAsync(() => _gateway.Logs.Lines.Any(l => l.EventName == "ConfigRejected"), "refusal");
        Assert.Contains("Gateway:Routes:gen:ETags:MaxBodyBytes", _gateway.Logs.Lines.Single(l => l.EventName == "ConfigRejected").Message, StringComparison.Ordinal);

        await _gateway.WriteConfigAsync(Config.Replace("\"Mode\": \"Off\"", "\"Mode\": \"Generate\"", StringComparison.Ordinal), _upstream.Address);
        await GatewayHost.EventuallyAsync(() => _gateway.Store.Current.Generation == 2, "generation 2");
        using var after = await _gateway.Client.GetAsync("/off/api/small", timeout.Token);
        using var gen = await _gateway.Client.GetAsync("/api/small", timeout.Token);

        Assert.NotNull(after.Headers.ETag);
        Assert.Equal(gen.Headers.ETag, after.Headers.ETag);
    }

    private static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }
}
