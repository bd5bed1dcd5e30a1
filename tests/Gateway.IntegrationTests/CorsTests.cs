using System.Net;
using System.Net.Http.Headers;
using Gateway.Auth.ApiKeys;
using Gateway.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests;

/// <summary>
/// Gateway CORS policies per route: preflights answered before credentials and quotas, never forwarded; every answer
/// to an allowed origin carries the headers (the gateway's own 401/403/429/412/5xx too); the gateway's headers replace
/// the upstream's; routes without a policy are untouched; policies are checked at load and follow hot reload.
/// </summary>
public sealed class CorsTests(ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private const string App = "https://app.example.com";
    private const string Other = "https://other.example.com";
    private const string UpstreamOrigin = "https://upstream-says.example";
    private const string WriterKey = "writer-Aa1Bb2Cc3Dd4Ee5Ff6Gg7Hh8Ii9Jj0K";
    private const string ReaderKey = "reader-7Qf3kV9xLm2Pz8Rt4Wc6Yb1Nd5Hj0Gs";

    private static readonly string s_config = """
    {
      "Gateway": {
        "Authentication": { "ApiKeys": { "Keys": {
          "reader": { "Sha256": "READER_HASH", "Scopes": [ "students:read" ] },
          "writer": { "Sha256": "WRITER_HASH", "Scopes": [ "students:read", "students:write" ] }
        } } },
        "Authorization": { "Policies": { "write": { "Scopes": [ "students:write" ] } } },
        "RateLimiting": { "Policies": { "two": { "Kind": "FixedWindow", "PermitLimit": 2, "Window": "1.00:00:00" } } },
        "Cors": {
          "Policies": {
            "web": {
              "AllowedOrigins": [ "https://app.example.com" ],
              "AllowedMethods": [ "GET", "PUT", "DELETE" ],
              "AllowedHeaders": [ "X-API-Key", "Content-Type", "If-Match" ],
              "ExposedHeaders": [ "ETag", "Retry-After" ],
              "AllowCredentials": true,
              "MaxAgeSeconds": 600
            },
            "public": { "AllowedOrigins": [ "*" ] }
          }
        },
        "Routes": { "guarded": { "ETags": { "Mode": "Passthrough", "RequireIfMatchOnUpdates": true } } }
      },
      "ReverseProxy": {
        "Routes": {
          "guarded": { "ClusterId": "legacy", "Match": { "Path": "/guarded/{**rest}" }, "AuthorizationPolicy": "write",
                       "RateLimiterPolicy": "two", "CorsPolicy": "web", "Transforms": [ { "PathRemovePrefix": "/guarded" } ] },
          "getonly": { "ClusterId": "legacy", "Match": { "Path": "/getonly/{**rest}", "Methods": [ "GET" ] }, "AuthorizationPolicy": "write",
                       "CorsPolicy": "web", "Transforms": [ { "PathRemovePrefix": "/getonly" } ] },
          "public": { "ClusterId": "legacy", "Match": { "Path": "/public/{**rest}" }, "AuthorizationPolicy": "Anonymous",
                      "CorsPolicy": "public", "Transforms": [ { "PathRemovePrefix": "/public" } ] },
          "down": { "ClusterId": "dead", "Match": { "Path": "/down/{**rest}" }, "AuthorizationPolicy": "Anonymous", "CorsPolicy": "web" },
          "plain": { "ClusterId": "legacy", "Match": { "Path": "/plain/{**rest}" }, "AuthorizationPolicy": "Anonymous",
                     "Transforms": [ { "PathRemovePrefix": "/plain" } ] }
        },
        "Clusters": {
          "legacy": { "Destinations": { "d1": { "Address": "{UPSTREAM}" } } },
          "dead": { "Destinations": { "d1": { "Address": "http://127.0.0.1:1" } } }
        }
      }
    }
    """.Replace("READER_HASH", ApiKeyTable.HashOf(ReaderKey), StringComparison.Ordinal)
       .Replace("WRITER_HASH", ApiKeyTable.HashOf(WriterKey), StringComparison.Ordinal);

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));
    private FakeLegacyUpstream _upstream = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        // The upstream answers CORS on its own, for another origin: the gateway's policy must win where a route has one.
        _upstream = await FakeLegacyUpstream.StartAsync(app => app.Run(context =>
        {
            context.Response.Headers["Access-Control-Allow-Origin"] = UpstreamOrigin;
            context.Response.Headers["Access-Control-Expose-Headers"] = "X-Internal";
            if (!context.Request.Path.Value!.Contains("novary", StringComparison.Ordinal))
            {
                context.Response.Headers["Vary"] = "Origin";
            }

            if (context.Request.Path.Value!.Contains("boom", StringComparison.Ordinal))
            {
                context.Response.StatusCode = 500;
                context.Response.ContentType = "text/html";
                return context.Response.WriteAsync("<html><h1>java.lang.NullPointerException at com.acme.Db</h1></html>");
            }

            return context.Response.WriteAsync("ok");
        }));
        _gateway = await GatewayHost.StartAsync(s_config, _upstream.Address, output);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    public void Dispose() => _timeout.Dispose();

    [Fact]
    public async Task Preflight_ProtectedRateLimitedRoute_204WithAllowHeaders_NotForwarded_QuotaUntouched()
    {
        for (var i = 0; i < 4; i++)
        {
            using var preflight = await PreflightAsync("/guarded/items/1", App, "PUT");

            Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
            Assert.Equal(App, Single(preflight, "Access-Control-Allow-Origin"));
            Assert.Equal("true", Single(preflight, "Access-Control-Allow-Credentials"));
            Assert.Contains("PUT", Single(preflight, "Access-Control-Allow-Methods"), StringComparison.Ordinal);
            Assert.Contains("x-api-key", Single(preflight, "Access-Control-Allow-Headers"), StringComparison.OrdinalIgnoreCase);
            Assert.Equal("600", Single(preflight, "Access-Control-Max-Age"));
            Assert.False(preflight.Headers.Contains("WWW-Authenticate"));
        }

        Assert.Empty(_upstream.Requests);

        // Four preflights later, the quota of two is whole.
        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await SendAsync(HttpMethod.Get, "/guarded/items/1", App, WriterKey);
            statuses.Add((int)response.StatusCode);
        }

        Assert.Equal([200, 200, 429], statuses);
    }

    [Fact]
    public async Task Preflight_RouteLimitedToGet_StillAnsweredByTheGateway()
    {
        using var preflight = await PreflightAsync("/getonly/items/1", App, "GET");

        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.Equal(App, Single(preflight, "Access-Control-Allow-Origin"));
        Assert.Empty(_upstream.Requests);
    }

    [Fact]
    public async Task Preflight_DisallowedOrigin_204WithoutAllowHeaders_NotForwarded()
    {
        using var preflight = await PreflightAsync("/guarded/items/1", Other, "PUT");

        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.DoesNotContain(preflight.Headers, h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(_upstream.Requests);
    }

    [Fact]
    public async Task GatewayAnswers_AllowedOrigin_CarryCorsAndVaryOrigin()
    {
        using var unauthorized = await SendAsync(HttpMethod.Get, "/guarded/items/1", App, apiKey: null);
        Assert.Equal(401, (int)unauthorized.StatusCode);
        Assert.True(unauthorized.Headers.Contains("WWW-Authenticate"));
        AssertGatewayCors(unauthorized);

        using var forbidden = await SendAsync(HttpMethod.Get, "/guarded/items/1", App, ReaderKey);
        Assert.Equal(403, (int)forbidden.StatusCode);
        AssertGatewayCors(forbidden);

        using var precondition = await SendAsync(HttpMethod.Put, "/guarded/items/1", App, WriterKey);
        Assert.Equal(412, (int)precondition.StatusCode);
        AssertGatewayCors(precondition);

        using var ok = await SendAsync(HttpMethod.Get, "/guarded/items/1", App, WriterKey);
        Assert.Equal(200, (int)ok.StatusCode);
        using var limited = await SendAsync(HttpMethod.Get, "/guarded/items/1", App, WriterKey);
        Assert.Equal(429, (int)limited.StatusCode);
        Assert.True(limited.Headers.Contains("Retry-After"));
        AssertGatewayCors(limited);

        using var down = await SendAsync(HttpMethod.Get, "/down/items/1", App, apiKey: null);
        Assert.Equal(500, (int)down.StatusCode);
        AssertGatewayCors(down);
    }

    [Fact]
    public async Task UpstreamAnswers_OnRouteWithPolicy_GatewayCorsReplacesTheUpstreams()
    {
        using var ok = await SendAsync(HttpMethod.Get, "/guarded/items/1", App, WriterKey);
        Assert.Equal(200, (int)ok.StatusCode);
        AssertGatewayCors(ok);
        Assert.Equal("ETag,Retry-After", Single(ok, "Access-Control-Expose-Headers"));

        using var rewritten = await SendAsync(HttpMethod.Get, "/guarded/boom", App, WriterKey);
        Assert.Equal(500, (int)rewritten.StatusCode);
        Assert.Equal("application/json", rewritten.Content.Headers.ContentType?.MediaType);
        AssertGatewayCors(rewritten);
    }

    [Fact]
    public async Task ActualRequest_DisallowedOrigin_NoAllowOrigin_UpstreamsDropped_VaryOrigin()
    {
        using var response = await SendAsync(HttpMethod.Get, "/guarded/items/1", Other, WriterKey);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(["Origin"], VaryTokens(response));
    }

    // ASP.NET Core's CORS middleware ignores a request without Origin: the upstream's "Access-Control-Allow-Origin"
    // passed on a route with a policy, where a shared cache could hand it to any site's script.
    [Fact]
    public async Task RequestWithoutOrigin_OnRouteWithPolicy_UpstreamCorsDropped_VaryOrigin()
    {
        using var ok = await SendAsync(HttpMethod.Get, "/guarded/items/novary", origin: null, WriterKey);
        Assert.Equal(200, (int)ok.StatusCode);
        Assert.DoesNotContain(ok.Headers, h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(["Origin"], VaryTokens(ok));

        using var rewritten = await SendAsync(HttpMethod.Get, "/guarded/boom/novary", origin: null, WriterKey);
        Assert.Equal(500, (int)rewritten.StatusCode);
        Assert.DoesNotContain(rewritten.Headers, h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));

        using var star = await SendAsync(HttpMethod.Get, "/public/items/novary", origin: null, apiKey: null);
        Assert.Equal(200, (int)star.StatusCode);
        Assert.DoesNotContain(star.Headers, h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("Origin", VaryTokens(star));
    }

    [Fact]
    public async Task AnyOriginPolicy_Star_NoCredentials_NoVaryOrigin()
    {
        using var response = await SendAsync(HttpMethod.Get, "/public/items/1", Other, apiKey: null);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("*", Single(response, "Access-Control-Allow-Origin"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
        Assert.DoesNotContain("Origin", VaryTokens(response));
    }

    [Fact]
    public async Task RouteWithoutPolicy_UpstreamCorsPassesUnchanged_PreflightForwarded()
    {
        using var response = await SendAsync(HttpMethod.Get, "/plain/items/1", App, apiKey: null);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(UpstreamOrigin, Single(response, "Access-Control-Allow-Origin"));
        Assert.Equal("X-Internal", Single(response, "Access-Control-Expose-Headers"));
        Assert.Equal(["Origin"], VaryTokens(response));

        using var preflight = await PreflightAsync("/plain/items/1", App, "PUT");
        Assert.Equal(200, (int)preflight.StatusCode);
        Assert.Contains(_upstream.Requests, r => r.Method == "OPTIONS");
    }

    [Fact]
    public async Task EditedPolicy_AppliesWithoutRestart()
    {
        using (var before = await SendAsync(HttpMethod.Get, "/public/items/1", Other, apiKey: null))
        {
            Assert.Equal("*", Single(before, "Access-Control-Allow-Origin"));
        }

        var edited = s_config.Replace("\"public\": { \"AllowedOrigins\": [ \"*\" ] }", "\"public\": { \"AllowedOrigins\": [ \"https://other.example.com\" ] }", StringComparison.Ordinal);
        Assert.NotEqual(s_config, edited);
        await _gateway.WriteConfigAsync(edited, _upstream.Address);
        await GatewayHost.EventuallyAsync(() => _gateway.Store.Current.Generation == 2, "the edit to apply");

        using var other = await SendAsync(HttpMethod.Get, "/public/items/1", Other, apiKey: null);
        Assert.Equal(Other, Single(other, "Access-Control-Allow-Origin"));
        Assert.Contains("Origin", VaryTokens(other));
        using var app = await SendAsync(HttpMethod.Get, "/public/items/1", App, apiKey: null);
        Assert.False(app.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("\"AllowedOrigins\": [ \"*\" ] }", "\"AllowedOrigins\": [ \"*\" ], \"AllowCredentials\": true }", "Gateway:Cors:Policies:public:AllowCredentials")]
    [InlineData("[ \"https://app.example.com\" ]", "[ \"https://app.example.com/path\" ]", "Gateway:Cors:Policies:web:AllowedOrigins:0")]
    [InlineData("\"MaxAgeSeconds\": 600", "\"MaxAgeSeconds\": -1", "Gateway:Cors:Policies:web:MaxAgeSeconds")]
    [InlineData("\"CorsPolicy\": \"public\"", "\"CorsPolicy\": \"nope\"", "ReverseProxy:Routes:public:CorsPolicy: there is no policy 'nope'")]
    [InlineData("\"CorsPolicy\": \"public\"", "\"CorsPolicy\": \"default\"", "ReverseProxy:Routes:public:CorsPolicy")]
    public async Task BadEdit_Refused_WithPath_OldPolicyKeepsServing(string find, string replace, string expected)
    {
        var bad = s_config.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(s_config, bad);

        await _gateway.WriteConfigAsync(bad, _upstream.Address);

        await GatewayHost.EventuallyAsync(() => _gateway.Logs.Lines.Any(l => l.EventName == "ConfigRejected"), "the refusal");
        Assert.Contains(expected, _gateway.Logs.Lines.Single(l => l.EventName == "ConfigRejected").Message, StringComparison.Ordinal);
        using var response = await SendAsync(HttpMethod.Get, "/public/items/1", Other, apiKey: null);
        Assert.Equal("*", Single(response, "Access-Control-Allow-Origin"));
    }

    private static void AssertGatewayCors(HttpResponseMessage response)
    {
        Assert.Equal(App, Single(response, "Access-Control-Allow-Origin"));
        Assert.Equal("true", Single(response, "Access-Control-Allow-Credentials"));
        Assert.Equal(["Origin"], VaryTokens(response).Where(t => t.Equals("Origin", StringComparison.OrdinalIgnoreCase)));
    }

    private static string Single(HttpResponseMessage response, string name) =>
        Assert.Single(response.Headers.TryGetValues(name, out var values) ? values
            : response.Content.Headers.TryGetValues(name, out var content) ? content : []);

    private static List<string> VaryTokens(HttpResponseMessage response) =>
        response.Headers.Vary.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();

    private Task<HttpResponseMessage> PreflightAsync(string path, string origin, string method)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", "x-api-key");
        return _gateway.Client.SendAsync(request, _timeout.Token);
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? origin, string? apiKey)
    {
        var request = new HttpRequestMessage(method, path);
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (apiKey is not null)
        {
            request.Headers.Add("X-API-Key", apiKey);
        }

        if (method == HttpMethod.Put)
        {
            request.Content = new StringContent("{}", new MediaTypeHeaderValue("application/json"));
        }

        return _gateway.Client.SendAsync(request, _timeout.Token);
    }
}
