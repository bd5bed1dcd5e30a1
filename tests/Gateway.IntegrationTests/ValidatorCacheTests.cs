using System.Collections.Concurrent;
using System.Net;
using Gateway.Auth.ApiKeys;
using Gateway.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests;

/// <summary>
/// The per-route ETag validator cache: revalidations answered 304 without the upstream, per caller and variant,
/// invalidated by writes through the gateway, never for responses that forbid it, off by default.
/// </summary>
public sealed class ValidatorCacheTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string AliceKey = "alice-9Kq2Lm4Np6Rs8Tu0Vw1Xy3Za5Bc7De";
    private const string BobKey = "bob-1Fg3Hi5Jk7Lm9No2Pq4Rs6Tu8Vw0Xy2";

    private static readonly string s_config = """
    {
      "Gateway": {
        "Authentication": { "ApiKeys": { "Keys": {
          "alice": { "Sha256": "{ALICE}" },
          "bob": { "Sha256": "{BOB}" }
        } } },
        "Routes": {
          "gen": { "ETags": { "Mode": "Generate", "ValidatorCache": { "Seconds": {GEN_SECONDS} } } },
          "short": { "ETags": { "Mode": "Generate", "ValidatorCache": { "Seconds": 1 } } },
          "pass": { "ETags": { "Mode": "Passthrough", "ValidatorCache": { "Seconds": 30, "MaxEntries": 100 } } },
          "keyed": { "ETags": { "Mode": "Generate", "ValidatorCache": { "Seconds": 30 } } },
          "plain": { "ETags": { "Mode": "Generate" } }
        }
      },
      "ReverseProxy": {
        "Routes": {
          "gen": { "ClusterId": "legacy", "AuthorizationPolicy": "Anonymous", "Match": { "Path": "/api/{**rest}" } },
          "short": { "ClusterId": "legacy", "AuthorizationPolicy": "Anonymous", "Match": { "Path": "/short/api/{**rest}" }, "Transforms": [ { "PathRemovePrefix": "/short" } ] },
          "pass": { "ClusterId": "legacy", "AuthorizationPolicy": "Anonymous", "Match": { "Path": "/pass/api/{**rest}" }, "Transforms": [ { "PathRemovePrefix": "/pass" } ] },
          "keyed": { "ClusterId": "legacy", "Match": { "Path": "/keyed/api/{**rest}" }, "Transforms": [ { "PathRemovePrefix": "/keyed" } ] },
          "plain": { "ClusterId": "legacy", "AuthorizationPolicy": "Anonymous", "Match": { "Path": "/plain/api/{**rest}" }, "Transforms": [ { "PathRemovePrefix": "/plain" } ] }
        },
        "Clusters": { "legacy": { "Destinations": { "d1": { "Address": "{UPSTREAM}" } } } }
      }
    }
    """.Replace("{ALICE}", ApiKeyTable.HashOf(AliceKey), StringComparison.Ordinal).Replace("{BOB}", ApiKeyTable.HashOf(BobKey), StringComparison.Ordinal);

    private readonly ConcurrentDictionary<string, string> _items = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _tagVersions = new(StringComparer.Ordinal);
    private TaskCompletionSource _slowArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _slowRelease = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private FakeLegacyUpstream _upstream = null!;
    private GatewayHost _gateway = null!;

    private static string Config(int genSeconds) => s_config.Replace("{GEN_SECONDS}", genSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    public async Task InitializeAsync()
    {
        _upstream = await FakeLegacyUpstream.StartAsync(app =>
        {
            app.MapGet("/api/items/{id}", (HttpContext c, string id) =>
            {
                c.Response.Headers.CacheControl = "max-age=60";
                c.Response.Headers.AccessControlAllowOrigin = "*";
                c.Response.Headers.Expires = "Thu, 01 Dec 2033 16:00:00 GMT";
                c.Response.Headers.ContentLocation = $"/api/items/{id}";
                c.Response.Headers.LastModified = "Tue, 01 Dec 2026 16:00:00 GMT";
                c.Response.Headers["X-Upstream-Extra"] = "kept";
                return Results.Text(_items.GetValueOrDefault(id, $"v1-{id}"), "text/plain");
            });
            app.MapPut("/api/items/{id}", async (HttpContext c, string id) =>
            {
                using var reader = new StreamReader(c.Request.Body);
                _items[id] = await reader.ReadToEndAsync();
                return Results.NoContent();
            });
            app.MapDelete("/api/items/{id}", (string id) =>
            {
                _items[id] = "deleted";
                return Results.NoContent();
            });
            app.MapGet("/api/slow/{id}", async (string id) =>
            {
                var body = _items.GetValueOrDefault(id, $"v1-{id}"); // read before the write below happens
                _slowArrived.TrySetResult();
                await _slowRelease.Task;
                return Results.Text(body, "text/plain");
            });
            app.MapPut("/api/slow/{id}", async (HttpContext c, string id) =>
            {
                using var reader = new StreamReader(c.Request.Body);
                _items[id] = await reader.ReadToEndAsync();
                return Results.NoContent();
            });
            app.MapGet("/api/mine", (HttpContext c) => Results.Text("same for everyone", "text/plain"));
            app.MapGet("/api/private", (HttpContext c) =>
            {
                c.Response.Headers.CacheControl = "private, max-age=60";
                return Results.Text("private", "text/plain");
            });
            app.MapGet("/api/nostore", (HttpContext c) => Tagless(c, "Cache-Control", "no-store"));
            app.MapGet("/api/nocache", (HttpContext c) => Tagless(c, "Cache-Control", "no-cache"));
            app.MapGet("/api/cookie", (HttpContext c) => Tagless(c, "Set-Cookie", "session=abc; HttpOnly"));
            app.MapGet("/api/varystar", (HttpContext c) => Tagless(c, "Vary", "*"));
            app.MapGet("/api/varyaccept", (HttpContext c) =>
            {
                c.Response.Headers.Vary = "Accept";
                return Results.Text("accept=" + c.Request.Headers.Accept, "text/plain");
            });
            app.MapGet("/api/revalidating/{id}", (HttpContext c, string id) =>
            {
                // An upstream that answers revalidations itself.
                var tag = $"\"r-{id}\"";
                c.Response.Headers.ETag = tag;
                c.Response.Headers.CacheControl = "max-age=5";
                return c.Request.Headers.IfNoneMatch == tag ? Results.StatusCode(304) : Results.Text("revalidating", "text/plain");
            });
            app.MapGet("/api/tagged/{id}", (HttpContext c, string id) =>
            {
                c.Response.Headers.ETag = $"\"t-{id}-{_tagVersions.GetValueOrDefault(id)}\"";
                return Results.Text("tagged", "text/plain");
            });
        });
        _gateway = await GatewayHost.StartAsync(Config(30), _upstream.Address, output);
    }

    public async Task DisposeAsync()
    {
        _slowRelease.TrySetResult();
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task Revalidation_AnsweredFromCache_UpstreamSawOneRequest_304KeepsCachingFields()
    {
        using var timeout = Timeout();
        using var first = await _gateway.Client.GetAsync("/api/items/1", timeout.Token);
        var tag = first.Headers.ETag!.ToString();

        using var hit = await RevalidateAsync("/api/items/1", tag, timeout.Token);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, hit.StatusCode);
        Assert.Equal(1, UpstreamGets("/api/items/1"));
        Assert.Equal(tag, hit.Headers.ETag!.ToString());
        Assert.Equal("max-age=60", hit.Headers.CacheControl!.ToString());
        Assert.Equal("*", Field(hit, "Access-Control-Allow-Origin"));
        Assert.Equal("Thu, 01 Dec 2033 16:00:00 GMT", Field(hit, "Expires"));
        Assert.Equal("/api/items/1", Field(hit, "Content-Location"));
        Assert.Equal("kept", Field(hit, "X-Upstream-Extra"));
        Assert.NotNull(hit.Headers.Date);
        Assert.False(string.IsNullOrEmpty(Field(hit, "X-Correlation-Id")));
        Assert.NotEqual(Field(first, "X-Correlation-Id"), Field(hit, "X-Correlation-Id"));
        Assert.Null(Field(hit, "Last-Modified"));
        Assert.Null(Field(hit, "Content-Type"));
        Assert.Empty(await hit.Content.ReadAsByteArrayAsync(timeout.Token));
        await GatewayHost.EventuallyAsync(
            () => _gateway.Logs.Lines.Any(l => l.Message.Contains("ValidatorCacheHit", StringComparison.Ordinal)
                && l.Message.Contains("ConditionalAnswered", StringComparison.Ordinal)),
            "a completion line with ValidatorCacheHit");
    }

    [Fact]
    public async Task AfterTheLifetime_UpstreamAskedAgain()
    {
        using var timeout = Timeout();
        var tag = await GetTagAsync("/short/api/items/2", timeout.Token);
        await AssertAnsweredFromCacheAsync("/short/api/items/2", tag, "/api/items/2", 1, timeout.Token);

        await Task.Delay(TimeSpan.FromSeconds(2.5), timeout.Token); // well past the 1 s lifetime
        using var late = await RevalidateAsync("/short/api/items/2", tag, timeout.Token);

        Assert.Equal(HttpStatusCode.NotModified, late.StatusCode); // answered the normal way, tag unchanged
        Assert.Equal(2, UpstreamGets("/api/items/2"));
    }

    [Fact]
    public async Task PutThenDelete_DropThePathsEntries_ChangedBodyGetsNewTagAnd200()
    {
        using var timeout = Timeout();
        var tag = await GetTagAsync("/api/items/3", timeout.Token);
        var queryTag = await GetTagAsync("/api/items/3?view=full", timeout.Token);
        using (await RevalidateAsync("/api/items/3", tag, timeout.Token))
        {
            Assert.Equal(1, UpstreamGets("/api/items/3"));
        }

        using (var put = await _gateway.Client.PutAsync("/api/items/3", new StringContent("v2"), timeout.Token))
        {
            Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        }

        using var afterPut = await RevalidateAsync("/api/items/3", tag, timeout.Token);
        using var otherQuery = await RevalidateAsync("/api/items/3?view=full", queryTag, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, afterPut.StatusCode);
        Assert.Equal("v2", await afterPut.Content.ReadAsStringAsync(timeout.Token));
        Assert.Equal(HttpStatusCode.OK, otherQuery.StatusCode);
        Assert.Equal(2, UpstreamGets("/api/items/3"));
        Assert.Equal(2, UpstreamGets("/api/items/3?view=full"));
        var newTag = afterPut.Headers.ETag!.ToString();
        Assert.NotEqual(tag, newTag);
        await AssertAnsweredFromCacheAsync("/api/items/3", newTag, "/api/items/3", 2, timeout.Token);

        using (await _gateway.Client.DeleteAsync("/api/items/3", timeout.Token))
        {
        }

        await AssertAnsweredByUpstreamAsync("/api/items/3", newTag, "deleted", "/api/items/3", 3, timeout.Token);
    }

    [Fact]
    public async Task GetUnderWayWhenAWriteHappens_ItsOldTagIsNotRecorded()
    {
        using var timeout = Timeout();
        // The GET reads the old state upstream, then a PUT through the gateway completes, then the GET answers.
        var slowGet = _gateway.Client.GetAsync("/api/slow/4", timeout.Token);
        await _slowArrived.Task.WaitAsync(timeout.Token);
        using (var put = await _gateway.Client.PutAsync("/api/slow/4", new StringContent("v2"), timeout.Token))
        {
            Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        }

        _slowRelease.TrySetResult();
        using var stale = await slowGet;
        Assert.Equal("v1-4", await stale.Content.ReadAsStringAsync(timeout.Token));

        await AssertAnsweredByUpstreamAsync("/api/slow/4", stale.Headers.ETag!.ToString(), "v2", "/api/slow/4", 2, timeout.Token);
    }

    [Fact]
    public async Task TwoApiKeyCallers_DoNotShareEntries()
    {
        using var timeout = Timeout();
        using var aliceFirst = await SendAsync(HttpMethod.Get, "/keyed/api/mine", null, AliceKey, timeout.Token);
        var tag = aliceFirst.Headers.ETag!.ToString();
        using var aliceAgain = await SendAsync(HttpMethod.Get, "/keyed/api/mine", tag, AliceKey, timeout.Token);
        Assert.Equal(HttpStatusCode.NotModified, aliceAgain.StatusCode);
        Assert.Equal(1, UpstreamGets("/api/mine"));

        // Bob sends the same tag (the body is the same for everyone): his first revalidation reaches the upstream.
        using var bobFirst = await SendAsync(HttpMethod.Get, "/keyed/api/mine", tag, BobKey, timeout.Token);
        Assert.Equal(HttpStatusCode.NotModified, bobFirst.StatusCode);
        Assert.Equal(2, UpstreamGets("/api/mine"));
        using var bobAgain = await SendAsync(HttpMethod.Get, "/keyed/api/mine", tag, BobKey, timeout.Token);
        using var nobody = await SendAsync(HttpMethod.Get, "/keyed/api/mine", tag, null, timeout.Token);

        Assert.Equal(HttpStatusCode.NotModified, bobAgain.StatusCode);
        Assert.Equal(2, UpstreamGets("/api/mine"));
        Assert.Equal(HttpStatusCode.Unauthorized, nobody.StatusCode); // auth still runs first
    }

    [Fact]
    public async Task PrivateResponse_RecordedPerCaller_NotForAnonymous()
    {
        using var timeout = Timeout();
        using var alice = await SendAsync(HttpMethod.Get, "/keyed/api/private", null, AliceKey, timeout.Token);
        var tag = alice.Headers.ETag!.ToString();
        using var aliceHit = await SendAsync(HttpMethod.Get, "/keyed/api/private", tag, AliceKey, timeout.Token);
        Assert.Equal(HttpStatusCode.NotModified, aliceHit.StatusCode);
        Assert.Equal(1, UpstreamGets("/api/private"));

        using (await RevalidateAsync("/api/private", tag, timeout.Token))
        {
        }

        using var anonymous = await RevalidateAsync("/api/private", tag, timeout.Token);
        Assert.Equal(HttpStatusCode.NotModified, anonymous.StatusCode);
        Assert.Equal(3, UpstreamGets("/api/private"));
    }

    [Fact]
    public async Task VaryAccept_AnotherAcceptDoesNotHit()
    {
        using var timeout = Timeout();
        using var json = await SendWithAsync("/api/varyaccept", null, ("Accept", "application/json"), timeout.Token);
        var tag = json.Headers.ETag!.ToString();
        using var sameAccept = await SendWithAsync("/api/varyaccept", tag, ("Accept", "application/json"), timeout.Token);
        Assert.Equal(HttpStatusCode.NotModified, sameAccept.StatusCode);
        Assert.Equal(1, UpstreamGets("/api/varyaccept"));

        using var otherAccept = await SendWithAsync("/api/varyaccept", tag, ("Accept", "text/plain"), timeout.Token);

        Assert.Equal(HttpStatusCode.OK, otherAccept.StatusCode);
        Assert.Equal("accept=text/plain", await otherAccept.Content.ReadAsStringAsync(timeout.Token));
        Assert.Equal(2, UpstreamGets("/api/varyaccept"));
    }

    [Theory]
    [InlineData("/api/nostore")]
    [InlineData("/api/nocache")]
    [InlineData("/api/cookie")]
    [InlineData("/api/varystar")]
    public async Task ResponsesThatForbidIt_NeverAnsweredFromTheCache(string path)
    {
        using var timeout = Timeout();
        var tag = await GetTagAsync(path, timeout.Token);
        for (var i = 0; i < 2; i++)
        {
            using var revalidation = await RevalidateAsync(path, tag, timeout.Token);
            Assert.Equal(HttpStatusCode.NotModified, revalidation.StatusCode); // by the normal path
        }

        Assert.Equal(3, UpstreamGets(path));
        Assert.DoesNotContain(_gateway.Logs.Lines, l => l.Message.Contains("ValidatorCacheHit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OffByDefault_RouteWithoutTheSetting_EveryRevalidationReachesTheUpstream()
    {
        using var timeout = Timeout();
        var tag = await GetTagAsync("/plain/api/items/5", timeout.Token);
        using var first = await RevalidateAsync("/plain/api/items/5", tag, timeout.Token);
        using var second = await RevalidateAsync("/plain/api/items/5", tag, timeout.Token);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(3, UpstreamGets("/api/items/5"));
    }

    [Fact]
    public async Task Head_RecordsAndIsAnswered_ForGetsToo()
    {
        using var timeout = Timeout();
        using var head = await SendWithAsync("/api/items/6", null, null, timeout.Token, HttpMethod.Head);
        var tag = head.Headers.ETag!.ToString();

        using var get = await RevalidateAsync("/api/items/6", tag, timeout.Token);
        using var headAgain = await SendWithAsync("/api/items/6", tag, null, timeout.Token, HttpMethod.Head);

        Assert.Equal(HttpStatusCode.NotModified, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, headAgain.StatusCode);
        Assert.Equal(tag, headAgain.Headers.ETag!.ToString());
        Assert.Equal(1, UpstreamGets("/api/items/6"));
    }

    [Theory]
    [InlineData("\"other\", {TAG}", true)]
    [InlineData("W/{TAG}", true)]
    [InlineData("*", true)]
    [InlineData("\"other\"", false)]
    [InlineData("{TAG}, unquoted", false)]
    public async Task IfNoneMatchForms_ListWeakAndStar(string field, bool fromCache)
    {
        using var timeout = Timeout();
        var path = "/api/items/7?form=" + Uri.EscapeDataString(field);
        var tag = await GetTagAsync(path, timeout.Token);

        using var response = await RevalidateAsync(path, field.Replace("{TAG}", tag, StringComparison.Ordinal), timeout.Token);

        Assert.Equal(fromCache ? 1 : 2, UpstreamGets(path));
        Assert.Equal(fromCache ? HttpStatusCode.NotModified : HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OtherPreconditionsOrClientNoCache_GoTheNormalWay()
    {
        using var timeout = Timeout();
        var tag = await GetTagAsync("/api/items/8", timeout.Token);

        using var withIfMatch = await SendWithAsync("/api/items/8", tag, ("If-Match", tag), timeout.Token);
        using var noCache = await SendWithAsync("/api/items/8", tag, ("Cache-Control", "no-cache"), timeout.Token);
        using var hit = await RevalidateAsync("/api/items/8", tag, timeout.Token);

        Assert.Equal(HttpStatusCode.NotModified, withIfMatch.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, noCache.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, hit.StatusCode);
        Assert.Equal(3, UpstreamGets("/api/items/8"));
    }

    [Fact]
    public async Task Passthrough_UpstreamsOwnTag_AnsweredFromCache_UntilAWrite()
    {
        using var timeout = Timeout();
        var tag = await GetTagAsync("/pass/api/tagged/9", timeout.Token);
        using var hit = await RevalidateAsync("/pass/api/tagged/9", tag, timeout.Token);

        Assert.Equal("\"t-9-0\"", tag);
        Assert.Equal(HttpStatusCode.NotModified, hit.StatusCode);
        Assert.Equal(1, UpstreamGets("/api/tagged/9"));
    }

    [Fact]
    public async Task Passthrough_UpstreamsOwn304_IsRecordedToo()
    {
        using var timeout = Timeout();
        using var fromUpstream = await RevalidateAsync("/pass/api/revalidating/11", "\"r-11\"", timeout.Token);
        using var fromCache = await RevalidateAsync("/pass/api/revalidating/11", "\"r-11\"", timeout.Token);

        Assert.Equal(HttpStatusCode.NotModified, fromUpstream.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, fromCache.StatusCode);
        Assert.Equal("max-age=5", fromCache.Headers.CacheControl!.ToString());
        Assert.Equal(1, UpstreamGets("/api/revalidating/11"));
    }

    [Fact]
    public async Task ReloadThatTurnsItOff_StopsHitsAtOnce_BadValueRefusedWithPath()
    {
        using var timeout = Timeout();
        var tag = await GetTagAsync("/api/items/10", timeout.Token);
        await AssertAnsweredFromCacheAsync("/api/items/10", tag, "/api/items/10", 1, timeout.Token);

        await _gateway.WriteConfigAsync(Config(-1), _upstream.Address);
        await GatewayHost.EventuallyAsync(() => _gateway.Store.LastRejection.Count > 0, "the bad edit refused");
        Assert.Contains(_gateway.Store.LastRejection, p => p.Path == "Gateway:Routes:gen:ETags:ValidatorCache:Seconds");

        await _gateway.WriteConfigAsync(Config(0), _upstream.Address);
        await GatewayHost.EventuallyAsync(() => _gateway.Store.Current.Generation == 2, "the edit applied");
        using var afterReload = await RevalidateAsync("/api/items/10", tag, timeout.Token);

        Assert.Equal(HttpStatusCode.NotModified, afterReload.StatusCode);
        Assert.Equal(2, UpstreamGets("/api/items/10"));
    }

    private static CancellationTokenSource Timeout() => new(TimeSpan.FromSeconds(60));

    private static IResult Tagless(HttpContext context, string name, string value)
    {
        context.Response.Headers[name] = value;
        return Results.Text("body of " + context.Request.Path, "text/plain");
    }

    private static string? Field(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;

    // A revalidation answered 304 while the upstream saw only the GETs it had seen before.
    private async Task AssertAnsweredFromCacheAsync(string path, string tag, string upstreamPath, int upstreamGets, CancellationToken cancellationToken)
    {
        using var hit = await RevalidateAsync(path, tag, cancellationToken);
        Assert.Equal(HttpStatusCode.NotModified, hit.StatusCode);
        Assert.Equal(upstreamGets, UpstreamGets(upstreamPath));
    }

    // A revalidation the cache could not answer: the upstream was asked and its current body came back whole.
    private async Task AssertAnsweredByUpstreamAsync(string path, string tag, string body, string upstreamPath, int upstreamGets, CancellationToken cancellationToken)
    {
        using var response = await RevalidateAsync(path, tag, cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(body, await response.Content.ReadAsStringAsync(cancellationToken));
        Assert.Equal(upstreamGets, UpstreamGets(upstreamPath));
    }

    private int UpstreamGets(string pathAndQuery) =>
        _upstream.Requests.Count(r => r.Method == "GET" && r.PathAndQuery == pathAndQuery);

    private async Task<string> GetTagAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await _gateway.Client.GetAsync(path, cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.ETag!.ToString();
    }

    private Task<HttpResponseMessage> RevalidateAsync(string path, string ifNoneMatch, CancellationToken cancellationToken) =>
        SendWithAsync(path, ifNoneMatch, null, cancellationToken);

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? ifNoneMatch, string? apiKey, CancellationToken cancellationToken) =>
        SendWithAsync(path, ifNoneMatch, apiKey is null ? null : ("X-API-Key", apiKey), cancellationToken, method);

    private async Task<HttpResponseMessage> SendWithAsync(
        string path, string? ifNoneMatch, (string Name, string Value)? header, CancellationToken cancellationToken, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, path);
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        if (header is { } extra)
        {
            request.Headers.TryAddWithoutValidation(extra.Name, extra.Value);
        }

        return await _gateway.Client.SendAsync(request, cancellationToken);
    }
}
