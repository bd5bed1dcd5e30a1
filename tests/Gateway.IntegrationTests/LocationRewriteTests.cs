using System.Net;
using Gateway.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests;

/// <summary>Location headers that point at the upstream's own address come back as the client's address.</summary>
public sealed class LocationRewriteTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("/api/students", "/api/students/4")]
    [InlineData("/v2/api/students", "/v2/api/students/4")]
    public async Task CreatedLocationAtUpstreamAddress_IsRewrittenToGatewayAddress(string path, string expectedPath)
    {
        FakeLegacyUpstream? self = null;
        await using var upstream = self = await FakeLegacyUpstream.StartAsync(app =>
            app.MapPost("/api/students", (HttpContext c) =>
            {
                c.Response.Headers.Location = self!.Address + "/api/students/4";
                return Results.Text("""{"id":4}""", "application/json");
            }));
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        using var response = await gateway.Client.PostAsync(path, new StringContent("{}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(gateway.Address + expectedPath, response.Headers.Location?.ToString());
    }

    [Theory]
    [InlineData("127.0.0.1", "api.example.org", "https://api.example.org")]
    [InlineData("127.0.0.1", "evil.example/@x", "https://{GATEWAY}")] // no host that smuggles a path or user in
    [InlineData("10.9.9.9", "api.example.org", "http://{GATEWAY}")] // the peer is no trusted proxy: its claims are ignored
    public async Task BehindATrustedTlsProxy_LocationIsThePublicUrl(string trusted, string host, string expectedBase)
    {
        var config = $$"""
        {
          "Gateway": { "ForwardedHeaders": { "TrustedProxies": [ "{{trusted}}" ] } },
          "ReverseProxy": {
            "Routes": { "api": { "ClusterId": "legacy", "Match": { "Path": "/api/{**rest}" } } },
            "Clusters": { "legacy": { "Destinations": { "d1": { "Address": "{UPSTREAM}" } } } }
          }
        }
        """;
        FakeLegacyUpstream? self = null;
        await using var upstream = self = await FakeLegacyUpstream.StartAsync(app =>
            app.MapPost("/api/students", (HttpContext c) =>
            {
                c.Response.Headers.Location = self!.Address + "/api/students/4";
                return Results.Text("""{"id":4}""", "application/json");
            }));
        await using var gateway = await GatewayHost.StartAsync(config, upstream.Address, output);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/students") { Content = new StringContent("{}") };
        request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", "https");
        request.Headers.TryAddWithoutValidation("X-Forwarded-Host", host);
        using var response = await gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var gatewayHost = new Uri(gateway.Address).Authority;
        Assert.Equal(expectedBase.Replace("{GATEWAY}", gatewayHost, StringComparison.Ordinal) + "/api/students/4", response.Headers.Location?.ToString());
    }

    [Theory]
    [InlineData("/api/students", "/api/students")]
    [InlineData("/v2/api/students", "/v2/api/students")]
    public async Task PaginationLinksAtUpstreamAddress_AreRewrittenToGatewayAddress(string path, string expectedPath)
    {
        FakeLegacyUpstream? self = null;
        await using var upstream = self = await FakeLegacyUpstream.StartAsync(app =>
            app.MapGet("/api/students", (HttpContext c) =>
            {
                c.Response.Headers.Link = $"<{self!.Address}/api/students?page=2>; rel=\"next\", <https://docs.example.org/students>; rel=\"help\"";
                return Results.Text("""[{"id":1}]""", "application/json");
            }));
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        using var response = await gateway.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            $"<{gateway.Address}{expectedPath}?page=2>; rel=\"next\", <https://docs.example.org/students>; rel=\"help\"",
            string.Join(", ", response.Headers.GetValues("Link")));
        Assert.Equal("""[{"id":1}]""", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/api/login", "JSESSIONID=A1B2; Path=/api; HttpOnly")]
    [InlineData("/v2/api/login", "JSESSIONID=A1B2; Path=/v2/api; HttpOnly")]
    [InlineData("/raw/api/login", "JSESSIONID=A1B2; Domain=app07.corp; Path=/raw/api; HttpOnly")]
    public async Task SetCookie_InternalDomainDropped_PathUnderTheRoutePrefix(string path, string session)
    {
        await using var upstream = await FakeLegacyUpstream.StartAsync(app =>
            app.MapPost("/api/login", (HttpContext c) =>
            {
                c.Response.Headers.Append("Set-Cookie", "JSESSIONID=A1B2; Domain=app07.corp; Path=/api; HttpOnly");
                c.Response.Headers.Append("Set-Cookie", "theme=dark; Path=/");
                return Results.Text("{\"ok\":true}", "application/json");
            }));
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        using var response = await gateway.Client.PostAsync(path, new StringContent("{}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([session, "theme=dark; Path=/"], response.Headers.GetValues("Set-Cookie"));
    }

    [Theory]
    [InlineData("/api/crash", 500, false)]
    [InlineData("/v2/api/crash", 500, true)]
    public async Task RedirectToTheFrameworkErrorPage_IsTheProfileError(string path, int status, bool problemDetails)
    {
        await using var upstream = await FakeLegacyUpstream.StartAsync(app =>
            app.MapGet("/api/crash", (HttpContext c) =>
            {
                // ASP.NET customErrors with defaultRedirect.
                c.Response.Headers.Location = "/Error.aspx?aspxerrorpath=/api/crash";
                return Results.Text("<html><head><title>Object moved</title></head><body><h2>Object moved to <a href=\"/Error.aspx?aspxerrorpath=/api/crash\">here</a>.</h2></body></html>", "text/html", statusCode: 302);
            }));
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);
        using var response = await gateway.Client.GetAsync(path);
        using var raw = await gateway.Client.GetAsync("/raw/api/crash");

        var json = problemDetails ? await Payload.ReadProblemAsync(response, status) : await Payload.ReadEdFiAsync(response, status);
        Assert.DoesNotContain("aspx", json.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.Null(response.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, raw.StatusCode); // NormalizeErrors off: the redirect passes
    }

    [Theory]
    [InlineData("/api/students", 401, false)]
    [InlineData("/v2/api/students", 401, true)]
    public async Task RedirectToTheLoginPage_IsA401(string path, int status, bool problemDetails)
    {
        await using var upstream = await FakeLegacyUpstream.StartAsync(app =>
            app.MapGet("/api/students", (HttpContext c) =>
            {
                // ASP.NET Forms authentication: an anonymous call goes to the login form.
                c.Response.Headers.Location = "http://sis-app01.corp/Account/Login?ReturnUrl=%2fapi%2fstudents";
                return Results.Text("<html><body>Object moved</body></html>", "text/html", statusCode: 302);
            }));
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        using var response = await gateway.Client.GetAsync(path);

        Assert.Equal((HttpStatusCode)status, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal("Bearer realm=\"gateway\"", response.Headers.WwwAuthenticate.ToString()); // RFC 9110: a 401 has a challenge
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("sis-app01", body, StringComparison.Ordinal);
        if (problemDetails)
        {
            await Payload.ReadProblemAsync(response, status);
        }
        else
        {
            Assert.Empty(body); // Ed-Fi: a 401 carries no body
        }
    }

    [Fact]
    public async Task RedirectToUpstreamAddress_IsRewritten_AndItsBodyWithTheInternalAddressDropped()
    {
        FakeLegacyUpstream? self = null;
        await using var upstream = self = await FakeLegacyUpstream.StartAsync(app =>
            app.MapGet("/api/moved", (HttpContext c) =>
            {
                c.Response.StatusCode = 302;
                c.Response.Headers.Location = self!.Address + "/api/students/1";
                return c.Response.WriteAsync($"<html><body>Object moved to <a href=\"{self!.Address}/api/students/1\">here</a></body></html>");
            }));
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        using var response = await gateway.Client.GetAsync("/api/moved");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(gateway.Address + "/api/students/1", response.Headers.Location?.ToString());
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task LocationOnAnotherHost_IsLeftAlone()
    {
        await using var upstream = await FakeLegacyUpstream.StartAsync(app =>
            app.MapGet("/api/away", () => Results.Redirect("https://login.example.com/sso?x=1")));
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        using var response = await gateway.Client.GetAsync("/api/away");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("https://login.example.com/sso?x=1", response.Headers.Location?.ToString());
    }

    [Theory]
    [InlineData("http://10.20.30.40:8080/Reports/Daily?format=pdf", "/Reports/Daily?format=pdf")] // a login page is a 401 (RedirectToTheLoginPage_IsA401)
    [InlineData("http://APPSRV01/students/5", "/students/5")]
    [InlineData("http://legacy.corp.local/students/5", "/students/5")]
    [InlineData("//legacy-sis:8080/students/5", "/students/5")] // a network-path reference, as some frameworks write one
    [InlineData("http://students.sis.svc:8080/students/5", "/students/5")]
    public async Task RedirectToAnotherInternalHost_KeepsThePath_HidesTheHost(string internalLocation, string expectedPath)
    {
        await using var upstream = await FakeLegacyUpstream.StartAsync(app =>
            app.MapGet("/api/elsewhere", () => Results.Redirect(internalLocation)));
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        using var response = await gateway.Client.GetAsync("/api/elsewhere");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(gateway.Address + expectedPath, response.Headers.Location?.ToString());
    }
}
