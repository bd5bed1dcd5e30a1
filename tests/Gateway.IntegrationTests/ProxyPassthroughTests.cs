using System.Net;
using Gateway.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests;

/// <summary>Success responses pass through untouched, minus leaky headers; correlation ids flow both ways.</summary>
public sealed class ProxyPassthroughTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string StudentJson = """{"id":1,"firstName":"Ada"}""";
    private FakeLegacyUpstream _upstream = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        _upstream = await FakeLegacyUpstream.StartAsync(app =>
        {
            app.MapGet("/api/students/1", (HttpContext c) =>
            {
                var h = c.Response.Headers;
                h["Server"] = "Microsoft-IIS/8.5";
                h["X-Powered-By"] = "ASP.NET";
                h["X-AspNet-Version"] = "4.0.30319";
                h["X-AspNetMvc-Version"] = "5.2";
                h["X-SourceFiles"] = "=?UTF-8?B?QzpcaW5ldHB1Ylx3d3dyb290?=";
                h["X-Debug-Token"] = "a1b2c3";
                h["X-Envoy-Upstream-Service-Time"] = "12";
                h["X-Oracle-Dms-Ecid"] = "005xyz0000abc";
                h["X-Internal-Build"] = "build-42";
                h["X-Custom-Keep"] = "kept";
                h["Via"] = "1.1 squid.internal:3128 (squid/3.5.27), 1.0 10.0.3.17";
                h["Cache-Control"] = "max-age=60";
                return Results.Text(StudentJson, "application/json");
            });
            app.MapGet("/api/students/2", (HttpContext c) =>
            {
                var h = c.Response.Headers;
                h["X-Instance"] = "10.0.3.17:8080";
                h["X-Error-Message"] = "ORA-00942: table or view does not exist";
                h["X-Debug-Exception-File"] = "%2Fvar%2Fwww%2Fsis%2Fsrc%2FController%2FStudentController.php%3A42";
                h["X-Total-Count"] = "42";
                h["X-Upstream-Service"] = "legacy-sis:8080";
                h["X-Db"] = "sis.c9akciq32.us-east-1.rds.amazonaws.com";
                h["X-Refresh-Token"] = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMiJ9.c2lnbmF0dXJlMTIz";
                h["X-Next-Page"] = "/api/students?page=2&token=abc12345678";
                h["X-Pagination"] = """{"page":1,"pageSize":25}""";
                h["Access-Control-Allow-Origin"] = "http://intranet.corp";
                return Results.Text(StudentJson, "application/json");
            });
            app.MapGet("/api/intranet-login", (HttpContext c) =>
            {
                c.Response.Headers.WWWAuthenticate = "Basic realm=\"sis01.corp.local\"";
                return Results.Text("<html><head><title>401 Authorization Required</title></head></html>", "text/html", statusCode: 401);
            });
            app.MapGet("/api/echo-correlation", (HttpContext c) => Results.Text(c.Request.Headers["X-Correlation-Id"].ToString()));
        });
        _gateway = await GatewayHost.StartAsync(TestConfigs.Standard, _upstream.Address, output);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task Success_BodyAndHeadersPassThrough_LeakyHeadersRemoved()
    {
        using var response = await _gateway.Client.GetAsync("/api/students/1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(StudentJson, await response.Content.ReadAsStringAsync());
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("kept", response.Headers.GetValues("X-Custom-Keep").Single());
        Assert.Equal("max-age=60", response.Headers.CacheControl?.ToString());
        Assert.Equal("1.1 upstream, 1.0 upstream", string.Join(", ", response.Headers.GetValues("Via"))); // RFC 9110 §7.6.3
        foreach (var leaky in new[] { "Server", "X-Powered-By", "X-AspNet-Version", "X-AspNetMvc-Version", "X-SourceFiles", "X-Debug-Token", "X-Internal-Build",
            "X-Envoy-Upstream-Service-Time", "X-Oracle-Dms-Ecid" })
        {
            Assert.False(response.Headers.Contains(leaky), $"{leaky} reached the client");
        }
    }

    // Headers no list names are judged by their value: an address, a SQL error or a source path goes, counts and
    // pagination stay, and a CORS header echoing the client's intranet origin is the client's own business.
    [Fact]
    public async Task Success_CustomHeadersThatLeak_Removed_OthersKept()
    {
        using var response = await _gateway.Client.GetAsync("/api/students/2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(StudentJson, await response.Content.ReadAsStringAsync());
        foreach (var leaky in new[] { "X-Instance", "X-Error-Message", "X-Debug-Exception-File", "X-Upstream-Service", "X-Db" })
        {
            Assert.False(response.Headers.Contains(leaky), $"{leaky} reached the client");
        }

        Assert.Equal("42", response.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal("/api/students?page=2&token=abc12345678", response.Headers.GetValues("X-Next-Page").Single());
        Assert.StartsWith("eyJ", response.Headers.GetValues("X-Refresh-Token").Single(), StringComparison.Ordinal); // the client's own token
        Assert.Equal("""{"page":1,"pageSize":25}""", response.Headers.GetValues("X-Pagination").Single());
        Assert.Equal("http://intranet.corp", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    // The operator can learn where such a header went (debug level), never what it said.
    [Fact]
    public async Task CustomHeaderRemovedForItsValue_DebugLogNamesItButNotTheValue()
    {
        await using var upstream = await FakeLegacyUpstream.StartAsync(app => app.MapGet("/ok", (HttpContext c) =>
        {
            c.Response.Headers["X-Instance"] = "10.0.3.17:8080";
            return Results.Json(new { id = 1 });
        }));
        var config = TestConfigs.CatchAll("\"Serilog\": { \"MinimumLevel\": { \"Override\": { \"Gateway.Proxy.ResponseScrubTransform\": \"Debug\" } } }");
        await using var gateway = await GatewayHost.StartAsync(config, upstream.Address, output);

        using var response = await gateway.Client.GetAsync("/ok");

        Assert.False(response.Headers.Contains("X-Instance"));
        await GatewayHost.EventuallyAsync(
            () => gateway.Logs.Lines.Any(IsRemovalLine), "header removal line");
        var line = gateway.Logs.Lines.First(IsRemovalLine);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Debug, line.Level);
        Assert.Contains("InternalHost", line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(gateway.Logs.Lines, l => l.Message.Contains("10.0.3.17", StringComparison.Ordinal));

        static bool IsRemovalLine(LogLine l) =>
            l.Message.Contains("X-Instance", StringComparison.Ordinal) && l.Message.Contains("removed: its value shows", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unauthorized_ChallengeNamingAnInternalHost_ReplacedByTheGateways()
    {
        using var response = await _gateway.Client.GetAsync("/api/intranet-login");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = string.Join(", ", response.Headers.WwwAuthenticate.Select(h => h.ToString()));
        Assert.DoesNotContain("corp.local", challenge, StringComparison.Ordinal);
        Assert.NotEmpty(response.Headers.WwwAuthenticate);
    }

    [Fact]
    public async Task RouteWithStrippingOff_KeepsUpstreamHeaders()
    {
        using var response = await _gateway.Client.GetAsync("/raw/api/students/1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ASP.NET", response.Headers.GetValues("X-Powered-By").Single());
        Assert.Contains("squid.internal:3128", string.Join(", ", response.Headers.GetValues("Via")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WellFormedClientCorrelationId_IsKeptAndPassedUpstream()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/echo-correlation");
        request.Headers.Add("X-Correlation-Id", "req-2024.11:abc_9");
        using var response = await _gateway.Client.SendAsync(request);

        Assert.Equal("req-2024.11:abc_9", response.Headers.GetValues("X-Correlation-Id").Single());
        Assert.Equal("req-2024.11:abc_9", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("has spaces in it")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("id;DROP TABLE x")]
    public async Task MalformedClientCorrelationId_IsReplaced(string bad)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/echo-correlation");
        request.Headers.TryAddWithoutValidation("X-Correlation-Id", bad);
        using var response = await _gateway.Client.SendAsync(request);

        var id = response.Headers.GetValues("X-Correlation-Id").Single();
        Assert.NotEqual(bad, id);
        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.Equal(id, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OverlongCorrelationId_IsReplaced()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/echo-correlation");
        request.Headers.Add("X-Correlation-Id", new string('a', 129));
        using var response = await _gateway.Client.SendAsync(request);

        Assert.Matches("^[0-9a-f]{32}$", response.Headers.GetValues("X-Correlation-Id").Single());
    }

    [Fact]
    public async Task EveryRequest_GetsOneCompletionLogLine_WithRouteClusterAndStatuses()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/students/1");
        request.Headers.Add("X-Correlation-Id", "log-line-check");
        using var response = await _gateway.Client.SendAsync(request);
        await response.Content.ReadAsStringAsync();

        await GatewayHost.EventuallyAsync(() => _gateway.Logs.Lines.Any(l => l.EventName == "RequestCompleted" && l.Message.Contains("/api/students/1", StringComparison.Ordinal)), "completion line");
        var line = _gateway.Logs.Lines.Single(l => l.EventName == "RequestCompleted" && l.Message.Contains("/api/students/1", StringComparison.Ordinal));
        Assert.Contains("route=\"api\"", line.Message, StringComparison.Ordinal);
        Assert.Contains("cluster=\"legacy\"", line.Message, StringComparison.Ordinal);
        Assert.Contains("upstream=200", line.Message, StringComparison.Ordinal);
        Assert.Contains("status=200", line.Message, StringComparison.Ordinal);
        Assert.Contains("HeadersStripped", line.Message, StringComparison.Ordinal);
    }
}
