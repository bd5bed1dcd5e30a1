using System.Net;
using System.Text;
using Gateway.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests;

/// <summary>Writes against an ETag-less upstream: lost updates prevented, If-Match required where asked, probe failures.</summary>
public sealed class ConditionalWriteTests(ITestOutputHelper output)
{
    private const string Config = """
    {
      "Gateway": {
        "Routes": {
          "items": { "ETags": { "Mode": "Generate" } },
          "strict": { "ETags": { "Mode": "Generate", "RequireIfMatchOnUpdates": true } },
          "strict-pd": { "Profile": "ProblemDetails", "ETags": { "Mode": "Passthrough", "RequireIfMatchOnUpdates": true } },
          "v2": { "Profile": "ProblemDetails", "ETags": { "Mode": "Generate" } }
        }
      },
      "ReverseProxy": {
        "Routes": {
          "items": { "ClusterId": "legacy", "Match": { "Path": "/api/{**rest}" }, "Timeout": "00:00:10" },
          "strict": { "ClusterId": "legacy", "Match": { "Path": "/strict/api/{**rest}" }, "Transforms": [ { "PathRemovePrefix": "/strict" } ] },
          "strict-pd": { "ClusterId": "legacy", "Match": { "Path": "/strict-pd/api/{**rest}" }, "Transforms": [ { "PathRemovePrefix": "/strict-pd" } ] },
          "v2": { "ClusterId": "legacy", "Match": { "Path": "/v2/api/{**rest}" }, "Transforms": [ { "PathRemovePrefix": "/v2" } ] }
        },
        "Clusters": { "legacy": { "Destinations": { "d1": { "Address": "{UPSTREAM}" } } } }
      }
    }
    """;

    [Fact]
    public async Task LostUpdate_TwoClientsSameETag_SecondPutGets412_UpstreamSawOnePut()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var upstream = await ItemsUpstream.StartAsync(etagAware: false);
        upstream.Seed("7", "original");
        await using var gateway = await GatewayHost.StartAsync(Config, upstream.Address, output);

        // Both clients read the same version.
        var aliceTag = await GetETagAsync(gateway, "/api/items/7", timeout.Token);
        var bobTag = await GetETagAsync(gateway, "/api/items/7", timeout.Token);
        Assert.Equal(aliceTag, bobTag);

        using var alice = await PutAsync(gateway, "/api/items/7", "alice", aliceTag, timeout.Token);
        using var bob = await PutAsync(gateway, "/api/items/7", "bob", bobTag, timeout.Token);

        Assert.Equal(HttpStatusCode.OK, alice.StatusCode);
        await Payload.ReadEdFiAsync(bob, 412);
        Assert.Single(upstream.Fake.Requests, r => r.Method == "PUT");
        Assert.Equal(new ItemsUpstream.Item("alice", 2), upstream.Find("7"));
        // Bob reads again and can then write.
        var fresh = await GetETagAsync(gateway, "/api/items/7", timeout.Token);
        Assert.NotEqual(bobTag, fresh);
        using var retry = await PutAsync(gateway, "/api/items/7", "bob", fresh, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(new ItemsUpstream.Item("bob", 3), upstream.Find("7"));
    }

    [Fact]
    public async Task LostUpdate_ConcurrentPutsSameETag_SerializedInInstance_OneWinsOne412()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var upstream = await ItemsUpstream.StartAsync(etagAware: false);
        upstream.Seed("8", "original");
        // A slow upstream write: without serialization both checks would pass before either write lands.
        upstream.WriteDelay = TimeSpan.FromMilliseconds(400);
        await using var gateway = await GatewayHost.StartAsync(Config, upstream.Address, output);
        var tag = await GetETagAsync(gateway, "/api/items/8", timeout.Token);

        // One through /api, one through /v2/api: two public routes onto one upstream resource share the lock.
        var first = PutAsync(gateway, "/api/items/8", "alice", tag, timeout.Token);
        var second = PutAsync(gateway, "/v2/api/items/8", "bob", tag, timeout.Token);
        using var a = await first;
        using var b = await second;

        var statuses = new[] { (int)a.StatusCode, (int)b.StatusCode }.Order().ToArray();
        Assert.Equal([200, 412], statuses);
        Assert.Single(upstream.Fake.Requests, r => r.Method == "PUT");
        Assert.Equal(2, upstream.Find("8")?.Version);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task RequireIfMatch_UpdateWithout_Refused412WithPayload_NotForwarded(string method)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var upstream = await ItemsUpstream.StartAsync(etagAware: false);
        upstream.Seed("1", "original");
        await using var gateway = await GatewayHost.StartAsync(Config, upstream.Address, output);

        using var edFi = await SendAsync(gateway, method, "/strict/api/items/1", null, timeout.Token);
        using var problem = await SendAsync(gateway, method, "/strict-pd/api/items/1", null, timeout.Token);

        var json = await Payload.ReadEdFiAsync(edFi, 412);
        Assert.Contains("If-Match", json.GetProperty("message").GetString(), StringComparison.Ordinal);
        var pd = await Payload.ReadProblemAsync(problem, 412);
        Assert.Contains("If-Match", pd.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(upstream.Fake.Requests, r => r.Method == method);
        Assert.Equal(1, upstream.Find("1")?.Version);
    }

    [Fact]
    public async Task RequireIfMatch_WithIfMatchOrCreateOnlyPut_Forwarded()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var upstream = await ItemsUpstream.StartAsync(etagAware: false);
        upstream.Seed("1", "original");
        await using var gateway = await GatewayHost.StartAsync(Config, upstream.Address, output);
        var tag = await GetETagAsync(gateway, "/strict/api/items/1", timeout.Token);

        using var update = await PutAsync(gateway, "/strict/api/items/1", "changed", tag, timeout.Token);
        using var create = await SendAsync(gateway, "PUT", "/strict/api/items/2", ("If-None-Match", "*"), timeout.Token);
        using var unconditionalGet = await gateway.Client.GetAsync("/strict/api/items/1", timeout.Token);

        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unconditionalGet.StatusCode);
        Assert.Equal(2, upstream.Fake.Requests.Count(r => r.Method == "PUT"));
    }

    [Theory]
    [InlineData(500, "/api/items/1", 500, false)]
    [InlineData(503, "/v2/api/items/1", 502, true)]
    [InlineData(401, "/api/items/1", 401, false)]
    [InlineData(403, "/v2/api/items/1", 403, true)]
    public async Task ProbeGetFails_WriteNotForwarded_AnsweredWithPayload(int probeStatus, string path, int expected, bool problemDetails)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var upstream = await FakeLegacyUpstream.StartAsync(app =>
        {
            app.MapGet("/api/items/{id}", () => Results.Text("<h1>Server Error in '/' Application.</h1>", "text/html", Encoding.UTF8, probeStatus));
            app.MapPut("/api/items/{id}", () => Results.Text("{}", "application/json"));
        });
        await using var gateway = await GatewayHost.StartAsync(Config, upstream.Address, output);

        using var response = await PutAsync(gateway, path, "x", "\"any\"", timeout.Token);

        Assert.Equal(expected, (int)response.StatusCode);
        if (expected != 401)
        {
            var json = problemDetails ? await Payload.ReadProblemAsync(response, expected) : await Payload.ReadEdFiAsync(response, expected);
            Assert.DoesNotContain("Application", json.ToString(), StringComparison.Ordinal);
        }

        Assert.DoesNotContain(upstream.Requests, r => r.Method == "PUT");
        Assert.Contains(gateway.Logs.Lines, l => l.EventName == "CurrentStateUnavailable");
    }

    [Fact]
    public async Task ProbeGetUnreachable_WriteAnsweredWithProfileError()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var gateway = await GatewayHost.StartAsync(Config, $"http://127.0.0.1:{GatewayProcess.FreePort()}", output);

        using var response = await PutAsync(gateway, "/api/items/1", "x", "\"any\"", timeout.Token);

        await Payload.ReadEdFiAsync(response, 500);
    }

    internal static async Task<string> GetETagAsync(GatewayHost gateway, string path, CancellationToken token)
    {
        using var response = await gateway.Client.GetAsync(path, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.ETag?.ToString() ?? throw new Xunit.Sdk.XunitException($"no ETag on {path}");
    }

    private static Task<HttpResponseMessage> PutAsync(GatewayHost gateway, string path, string name, string ifMatch, CancellationToken token)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = new StringContent(name) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return gateway.Client.SendAsync(request, token);
    }

    private static Task<HttpResponseMessage> SendAsync(GatewayHost gateway, string method, string path, (string Name, string Value)? header, CancellationToken token)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method != "DELETE")
        {
            request.Content = new StringContent("changed");
        }

        if (header is { } h)
        {
            request.Headers.TryAddWithoutValidation(h.Name, h.Value);
        }

        return gateway.Client.SendAsync(request, token);
    }
}
