using System.Net;
using System.Text;
using Gateway.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests;

/// <summary>
/// POST (and other unsafe methods beyond PUT/PATCH/DELETE) with preconditions on a Generate route: checked against
/// the current representation of the target like a PUT; an unconditional POST is forwarded with no probe.
/// </summary>
public sealed class ConditionalPostTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Config = """
    {
      "Gateway": {
        "Routes": {
          "gen": { "ETags": { "Mode": "Generate", "RequireIfMatchOnUpdates": true } },
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

    private FakeLegacyUpstream _upstream = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        // An ETag-less legacy server: /doc and /dated exist, /new does not; POST and a custom unsafe method are accepted anywhere.
        _upstream = await FakeLegacyUpstream.StartAsync(app =>
        {
            app.MapGet("/doc", () => Results.Text("""{"id":1,"name":"doc"}""", "application/json"));
            app.MapGet("/new", () => Results.NotFound());
            app.MapGet("/dated", (HttpContext c) =>
            {
                c.Response.Headers.LastModified = "Mon, 01 Jan 2024 12:00:00 GMT";
                return Results.Text("dated", "text/plain");
            });
            app.MapMethods("/{name}", ["POST", "LOCK"], () => Results.Text("""{"ok":true}""", "application/json"));
        });
        _gateway = await GatewayHost.StartAsync(Config, _upstream.Address, output);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Theory]
    [InlineData("POST", "If-Match", "\"stale\"", "/e/doc")]
    [InlineData("POST", "If-None-Match", "*", "/e/doc")]
    [InlineData("POST", "If-Match", "*", "/e/new")]
    [InlineData("POST", "If-Unmodified-Since", "Wed, 01 Jan 2020 00:00:00 GMT", "/e/dated")]
    [InlineData("LOCK", "If-Match", "\"stale\"", "/e/doc")]
    public async Task ConditionFails_412WithPayload_NotForwarded(string method, string field, string value, string path)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await SendAsync(method, path, timeout.Token, (field, value));

        await Payload.ReadEdFiAsync(response, 412);
        Assert.DoesNotContain(_upstream.Requests, r => r.Method == method);
        Assert.Contains(_gateway.Logs.Lines, l => l.EventName == "PreconditionFailed");
    }

    [Fact]
    public async Task ConditionsHold_Forwarded_GatewayTagNotSentUpstream()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var tag = await ConditionalWriteTests.GetETagAsync(_gateway, "/e/doc", timeout.Token);

        using var matching = await SendAsync("POST", "/e/doc", timeout.Token, ("If-Match", tag));
        using var createOnly = await SendAsync("POST", "/e/new", timeout.Token, ("If-None-Match", "*"));

        Assert.Equal(HttpStatusCode.OK, matching.StatusCode);
        Assert.Equal(HttpStatusCode.OK, createOnly.StatusCode);
        var posts = _upstream.Requests.Where(r => r.Method == "POST").ToArray();
        Assert.Equal(2, posts.Length);
        Assert.All(posts, p => Assert.False(p.Headers.ContainsKey("If-Match") || p.Headers.ContainsKey("If-None-Match")));
    }

    [Fact]
    public async Task Unconditional_ForwardedWithoutProbe_IfMatchNotRequired()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        using var response = await SendAsync("POST", "/e/doc", timeout.Token);

        // RequireIfMatchOnUpdates names PUT, PATCH and DELETE; a POST without preconditions is not read first.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["POST"], _upstream.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task Passthrough_FieldsReachUpstream()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        using var response = await SendAsync("POST", "/p/doc", timeout.Token, ("If-Match", "\"up-1\""));

        // The probe found no upstream tag to check against: the write goes up with its fields, for the upstream to decide.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var seen = Assert.Single(_upstream.Requests, r => r.Method == "POST");
        Assert.Equal("\"up-1\"", seen.Headers["If-Match"]);
    }

    private Task<HttpResponseMessage> SendAsync(string method, string path, CancellationToken token, params (string Name, string Value)[] fields)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        foreach (var (name, value) in fields)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return _gateway.Client.SendAsync(request, token);
    }
}
