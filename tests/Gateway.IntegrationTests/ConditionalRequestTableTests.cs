using System.Globalization;
using System.Net;
using System.Text;
using Gateway.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests;

/// <summary>
/// RFC 9110 §13.1/§13.2 end to end: each row (method × header combination × match / no match / missing resource)
/// runs against an ETag-less upstream behind a <c>Generate</c> route and an ETag-aware one behind a
/// <c>Passthrough</c> route; clients must see the same statuses from both.
/// </summary>
public sealed class ConditionalRequestTableTests(ConditionalRequestTableTests.Fixture fixture, ITestOutputHelper output)
    : IClassFixture<ConditionalRequestTableTests.Fixture>
{
    private const string Token = "Bearer table-token";
    private static int s_nextId;

    // Placeholders: CURRENT = the tag a GET through the gateway returned; OLD = a stale tag; EXACT/BEFORE/AFTER =
    // the Last-Modified date, an hour before it, an hour after it.
    public static TheoryData<string, string?, string?, string?, string?, bool, int> Cases => new()
    {
        // GET/HEAD, If-None-Match (weak comparison) and If-Modified-Since → 304.
        { "GET", null, "CURRENT", null, null, true, 304 },
        { "GET", null, "W/CURRENT", null, null, true, 304 },
        { "GET", null, "OLD, CURRENT", null, null, true, 304 },
        { "GET", null, "*", null, null, true, 304 },
        { "GET", null, "OLD", null, null, true, 200 },
        { "GET", null, "CURRENT", null, null, false, 404 },
        { "GET", null, null, "EXACT", null, true, 304 },
        { "GET", null, null, "AFTER", null, true, 304 },
        { "GET", null, null, "BEFORE", null, true, 200 },
        { "GET", null, "OLD", "AFTER", null, true, 200 },
        { "GET", "CURRENT", null, null, null, true, 200 },
        { "GET", "OLD", null, null, null, true, 412 },
        { "GET", null, null, null, "BEFORE", true, 412 },
        { "GET", null, null, null, null, true, 200 },
        { "HEAD", null, "CURRENT", null, null, true, 304 },
        { "HEAD", null, "OLD", null, null, true, 200 },
        // PUT: If-Match (strong comparison; * = exists), If-None-Match: * (create only), If-Unmodified-Since.
        { "PUT", "CURRENT", null, null, null, true, 200 },
        { "PUT", "OLD", null, null, null, true, 412 },
        { "PUT", "W/CURRENT", null, null, null, true, 412 },
        { "PUT", "OLD, CURRENT", null, null, null, true, 200 },
        { "PUT", "*", null, null, null, true, 200 },
        { "PUT", "*", null, null, null, false, 412 },
        { "PUT", "OLD", null, null, null, false, 412 },
        { "PUT", null, "*", null, null, true, 412 },
        { "PUT", null, "*", null, null, false, 201 },
        { "PUT", null, "CURRENT", null, null, true, 412 },
        { "PUT", null, "OLD", null, null, true, 200 },
        { "PUT", null, null, null, "AFTER", true, 200 },
        { "PUT", null, null, null, "EXACT", true, 200 },
        { "PUT", null, null, null, "BEFORE", true, 412 },
        { "PUT", "CURRENT", null, null, "BEFORE", true, 200 },
        { "PUT", null, null, null, null, true, 200 },
        { "PUT", null, null, null, null, false, 201 },
        // PATCH and DELETE.
        { "PATCH", "CURRENT", null, null, null, true, 200 },
        { "PATCH", "OLD", null, null, null, true, 412 },
        { "DELETE", "CURRENT", null, null, null, true, 200 },
        { "DELETE", "OLD", null, null, null, true, 412 },
        { "DELETE", "*", null, null, null, false, 412 },
        { "DELETE", null, null, null, "BEFORE", true, 412 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public Task EtagLessUpstream_GenerateRoute(string method, string? ifMatch, string? ifNoneMatch, string? ifModifiedSince, string? ifUnmodifiedSince, bool exists, int expected) =>
        RunAsync("gen", fixture.EtagLess, gatewayChecksWrites: true, method, ifMatch, ifNoneMatch, ifModifiedSince, ifUnmodifiedSince, exists, expected);

    [Theory]
    [MemberData(nameof(Cases))]
    public Task EtagAwareUpstream_PassthroughRoute(string method, string? ifMatch, string? ifNoneMatch, string? ifModifiedSince, string? ifUnmodifiedSince, bool exists, int expected) =>
        RunAsync("pass", fixture.EtagAware, gatewayChecksWrites: exists, method, ifMatch, ifNoneMatch, ifModifiedSince, ifUnmodifiedSince, exists, expected);

    private async Task RunAsync(
        string prefix, ItemsUpstream upstream, bool gatewayChecksWrites,
        string method, string? ifMatch, string? ifNoneMatch, string? ifModifiedSince, string? ifUnmodifiedSince, bool exists, int expected)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var client = fixture.Gateway.Client;
        var id = $"{prefix}-{Interlocked.Increment(ref s_nextId)}";
        var path = $"/{prefix}/api/items/{id}";
        var current = "\"never-sent\"";
        var lastModified = ItemsUpstream.BaseDate;
        if (exists)
        {
            upstream.Seed(id, "before");
            using var first = await SendAsync(client, HttpMethod.Get, path, [], timeout.Token);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            current = first.Headers.ETag?.ToString() ?? throw new Xunit.Sdk.XunitException("the first GET carried no ETag");
            Assert.False(first.Headers.ETag.IsWeak);
            lastModified = first.Content.Headers.LastModified ?? throw new Xunit.Sdk.XunitException("no Last-Modified");
        }

        string? Resolve(string? value) => value?
            .Replace("W/CURRENT", "W/" + current, StringComparison.Ordinal)
            .Replace("CURRENT", current, StringComparison.Ordinal)
            .Replace("OLD", "\"stale-0\"", StringComparison.Ordinal)
            .Replace("EXACT", Date(lastModified), StringComparison.Ordinal)
            .Replace("BEFORE", Date(lastModified.AddHours(-1)), StringComparison.Ordinal)
            .Replace("AFTER", Date(lastModified.AddHours(1)), StringComparison.Ordinal);

        var conditions = new List<(string, string)>();
        foreach (var (name, value) in new[] { ("If-Match", ifMatch), ("If-None-Match", ifNoneMatch), ("If-Modified-Since", ifModifiedSince), ("If-Unmodified-Since", ifUnmodifiedSince) })
        {
            if (Resolve(value) is { } resolved)
            {
                conditions.Add((name, resolved));
            }
        }

        output.WriteLine($"{method} {path} {string.Join(" ", conditions.Select(c => $"{c.Item1}: {c.Item2}"))} (exists: {exists}, tag {current})");
        var seenBefore = upstream.Fake.Requests.Count;
        using var response = await SendAsync(client, new HttpMethod(method), path, conditions, timeout.Token);

        Assert.Equal(expected, (int)response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(timeout.Token);
        switch (expected)
        {
            case 304:
                Assert.Equal(string.Empty, body);
                Assert.Equal(current, response.Headers.ETag?.ToString());
                Assert.Equal("private, max-age=60", response.Headers.NonValidated["Cache-Control"].ToString());
                Assert.Equal("Accept", string.Join(",", response.Headers.Vary));
                Assert.NotNull(response.Content.Headers.Expires);
                // Kept, and (as on every response) rewritten to the public address.
                Assert.EndsWith(path, response.Content.Headers.ContentLocation?.OriginalString, StringComparison.Ordinal);
                Assert.NotNull(response.Headers.Date);
                Assert.Null(response.Content.Headers.ContentType);
                break;
            case 412:
                Assert.Contains("\"code\":412", body, StringComparison.Ordinal);
                Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
                Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
                Assert.DoesNotContain("ItemController", body, StringComparison.Ordinal);
                Assert.Null(response.Headers.ETag);
                break;
            case 200 when method == "GET":
                Assert.Equal(ItemsUpstream.BodyOf(id, new ItemsUpstream.Item("before", 1)), body);
                Assert.Equal(current, response.Headers.ETag?.ToString());
                break;
            case 200 when method == "HEAD":
                Assert.Equal(string.Empty, body);
                Assert.Equal(current, response.Headers.ETag?.ToString());
                break;
        }

        var seen = upstream.Fake.Requests.Skip(seenBefore).ToList();
        if (method is "PUT" or "PATCH" or "DELETE")
        {
            var writes = seen.Where(r => r.Method == method).ToList();
            var succeeded = expected is >= 200 and < 300;
            if (gatewayChecksWrites)
            {
                // The gateway decided: a failed precondition never reaches the upstream.
                Assert.Equal(succeeded ? 1 : 0, writes.Count);
                if (conditions.Any(c => c.Item1 != "If-Modified-Since"))
                {
                    var probe = Assert.Single(seen, r => r.Method == "GET");
                    Assert.Equal(Token, probe.Headers["Authorization"]);
                    Assert.False(probe.Headers.ContainsKey("If-Match") || probe.Headers.ContainsKey("If-None-Match"));
                }

                if (succeeded && prefix == "gen")
                {
                    // The gateway's own tag means nothing to the upstream.
                    Assert.False(writes[0].Headers.ContainsKey("If-Match") || writes[0].Headers.ContainsKey("If-None-Match"));
                }
                else if (succeeded)
                {
                    // Passthrough checked against the upstream's own tag: the fields still go up, for the upstream to check too.
                    Assert.All(conditions, c => Assert.Equal(c.Item2, writes[0].Headers[c.Item1]));
                }
            }
            else
            {
                // Passthrough, nothing for the gateway to check against (no resource, so no tag): the upstream saw the
                // write with the client's fields and decided itself.
                var write = Assert.Single(writes);
                foreach (var (name, value) in conditions)
                {
                    Assert.Equal(value, write.Headers[name]);
                }
            }

            if (!succeeded && exists)
            {
                Assert.Equal(1, upstream.Find(id)?.Version);
            }
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, IEnumerable<(string, string)> headers, CancellationToken token)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.TryAddWithoutValidation("Authorization", Token);
        foreach (var (name, value) in headers)
        {
            Assert.True(request.Headers.TryAddWithoutValidation(name, value));
        }

        if (method == HttpMethod.Put || method == HttpMethod.Patch)
        {
            request.Content = new StringContent("after", Encoding.UTF8, "text/plain");
        }

        return await client.SendAsync(request, token);
    }

    private static string Date(DateTimeOffset date) => date.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture);

    /// <summary>One gateway, two upstreams: <c>/gen/**</c> → ETag-less (Generate), <c>/pass/**</c> → ETag-aware (Passthrough).</summary>
    public sealed class Fixture : IAsyncLifetime
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
              "gen": { "ClusterId": "legacy", "Match": { "Path": "/gen/{**rest}" }, "Timeout": "00:00:10", "Transforms": [ { "PathRemovePrefix": "/gen" } ] },
              "pass": { "ClusterId": "aware", "Match": { "Path": "/pass/{**rest}" }, "Timeout": "00:00:10", "Transforms": [ { "PathRemovePrefix": "/pass" } ] }
            },
            "Clusters": {
              "legacy": { "Destinations": { "d1": { "Address": "{UPSTREAM}" } } },
              "aware": { "Destinations": { "d1": { "Address": "{AWARE}" } } }
            }
          }
        }
        """;

        public ItemsUpstream EtagLess { get; private set; } = null!;

        public ItemsUpstream EtagAware { get; private set; } = null!;

        public GatewayHost Gateway { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            EtagLess = await ItemsUpstream.StartAsync(etagAware: false);
            EtagAware = await ItemsUpstream.StartAsync(etagAware: true);
            Gateway = await GatewayHost.StartAsync(Config.Replace("{AWARE}", EtagAware.Address, StringComparison.Ordinal), EtagLess.Address);
        }

        public async Task DisposeAsync()
        {
            await Gateway.DisposeAsync();
            await EtagLess.DisposeAsync();
            await EtagAware.DisposeAsync();
        }
    }
}
