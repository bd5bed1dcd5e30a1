using System.Net;
using Gateway.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests;

/// <summary>
/// A 3xx that is no redirect (an undefined status, or a redirect without a Location) is the backend failing, and its body
/// is often the stack trace: the profile's 500. A real redirect passes without its body; a 304 as it is.
/// </summary>
public sealed class UnfollowableRedirectTests(ITestOutputHelper output)
{
    private const string JavaTrace =
        "java.sql.SQLException: Listener refused the connection\n"
        + "\tat oracle.jdbc.driver.T4CConnection.logon(T4CConnection.java:489)\n"
        + "\tat edu.sis.dao.StudentDao.find(StudentDao.java:42)\n"
        + "url=jdbc:oracle:thin:@db01.corp.acme.local:1521/SIS user=sis_app password=Sup3r\n";

    [Theory]
    [InlineData("399 Weird", "")]
    [InlineData("306 Switch Proxy", "")]
    [InlineData("310 Too many", "")]
    [InlineData("350 Odd", "")]
    [InlineData("301 Moved Permanently", "")] // a redirect going nowhere
    [InlineData("302 Found", "Location: file:///C:/inetpub/wwwroot/sis/x.pdf\r\n")] // its only Location names a file
    public async Task Undefined3xxOrRedirectWithoutLocation_IsThe500Payload(string statusLine, string location)
    {
        using var upstream = RawTcpUpstream.Answer(Raw(statusLine, location + "Content-Type: text/plain\r\n", JavaTrace));
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        using var response = await gateway.Client.GetAsync("/api/students/1");
        var text = await response.Content.ReadAsStringAsync();

        await Payload.ReadEdFiAsync(response, 500);
        AssertClean(text);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Undefined3xx_UnderProblemDetails_IsItsPayload()
    {
        using var upstream = RawTcpUpstream.Answer(Raw("399 Weird", "Content-Type: text/plain\r\n", JavaTrace));
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        using var response = await gateway.Client.GetAsync("/v2/api/students/1");

        AssertClean((await Payload.ReadProblemAsync(response, 500)).GetRawText());
    }

    [Fact]
    public async Task RealRedirect_PassesWithoutItsBody()
    {
        var body = "<html><body>Moved to <a href=\"http://10.0.3.17:8080/api/students/2\">here</a><!-- " + JavaTrace + " --></body></html>";
        using var upstream = RawTcpUpstream.Answer(Raw("302 Found", "Location: /api/students/2\r\nContent-Type: text/html\r\n", body));
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        using var response = await gateway.Client.GetAsync("/api/students/1");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/api/students/2", response.Headers.Location?.OriginalString);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task NotModified_StaysAsItIs()
    {
        using var upstream = RawTcpUpstream.Answer("HTTP/1.1 304 Not Modified\r\nETag: \"v7\"\r\nCache-Control: max-age=60\r\nConnection: close\r\n\r\n");
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        using var response = await gateway.Client.GetAsync("/api/students/1");

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal("\"v7\"", response.Headers.ETag?.ToString());
        Assert.Equal("max-age=60", response.Headers.CacheControl?.ToString());
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Undefined3xx_OnARouteWithoutNormalization_PassesAsItIs()
    {
        using var upstream = RawTcpUpstream.Answer(Raw("399 Weird", "Content-Type: text/plain\r\n", "raw"));
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        using var response = await gateway.Client.GetAsync("/raw/api/students/1");

        Assert.Equal(399, (int)response.StatusCode);
        Assert.Equal("raw", await response.Content.ReadAsStringAsync());
    }

    // README: a route's StatusMap entry for such a 3xx wins; it was refused at load ("a 3xx maps to a 3xx"). A mapped
    // real redirect is the operator's call too: this backend's 302s are failures.
    [Theory]
    [InlineData("305 Use Proxy", "Location: http://proxy.corp:3128/\r\n", 503)]
    [InlineData("399 Weird", "", 502)]
    [InlineData("302 Found", "Location: /Error.aspx?aspxerrorpath=/api/students/1\r\n", 503)]
    [InlineData("302 Found", "Location: /api/students/2\r\n", 503)]
    public async Task Mapped3xx_IsTheMappedErrorsPayload(string statusLine, string location, int expected)
    {
        const string Config = """
        {
          "Gateway": { "Routes": { "r": { "Profile": "ProblemDetails", "StatusMap": { "302": 503, "305": 503, "399": 502 } } } },
          "ReverseProxy": {
            "Routes": { "r": { "ClusterId": "c", "Match": { "Path": "/{**rest}" } } },
            "Clusters": { "c": { "Destinations": { "d": { "Address": "{UPSTREAM}" } } } }
          }
        }
        """;
        using var upstream = RawTcpUpstream.Answer(Raw(statusLine, location + "Content-Type: text/plain\r\n", JavaTrace));
        await using var gateway = await GatewayHost.StartAsync(Config, upstream.Address, output);

        using var response = await gateway.Client.GetAsync("/api/students/1");

        AssertClean((await Payload.ReadProblemAsync(response, expected)).GetRawText());
        Assert.Null(response.Headers.Location);
    }

    private static string Raw(string statusLine, string headers, string body) =>
        $"HTTP/1.1 {statusLine}\r\n{headers}Content-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}";

    private static void AssertClean(string text)
    {
        foreach (var marker in (string[])["jdbc", "Sup3r", "db01", "StudentDao", "10.0.3.17", "inetpub"])
        {
            Assert.DoesNotContain(marker, text, StringComparison.OrdinalIgnoreCase);
        }
    }
}
