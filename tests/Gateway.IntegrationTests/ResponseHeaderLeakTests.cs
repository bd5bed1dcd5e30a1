using Gateway.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests;

/// <summary>
/// Header values a browser reads differently from a naive parser, standard headers with free text or report endpoints,
/// and debug header families: none of them takes an internal host, a query or a debug detail to the client.
/// </summary>
public sealed class ResponseHeaderLeakTests(ITestOutputHelper output)
{
    private const string Request = "GET /api/students HTTP/1.1\r\nHost: gateway.test\r\nConnection: close\r\n\r\n";

    [Theory]
    [InlineData(@"/\app07.corp/api/x", "/api/x")]
    [InlineData("///10.0.3.17/x", "/x")]
    [InlineData(@"http:\\10.0.3.17\api\x", "/api/x")]
    [InlineData("http:10.0.3.17/api/x", "/api/x")]
    [InlineData("http:///10.0.3.17/x", "/x")]
    [InlineData(@"http://10.0.3.17\@public.example.com/x", "/@public.example.com/x")]
    [InlineData("http://10.0.3.17./x", "/x")]
    [InlineData("http://%31%30.0.3.17/x", "/x")]
    [InlineData("http://app07.corp%2e/api/x", "/api/x")]
    [InlineData(@"\\APPSRV01\reports\x.pdf", null)] // a share path: no public equivalent, removed
    [InlineData(@"\\10.0.3.17\c$\x", null)]
    [InlineData("file:///C:/inetpub/wwwroot/sis/x.pdf", null)]
    public async Task LocationsABrowserSendsInside_AreRewrittenOrRemoved(string location, string? expectedPath)
    {
        using var upstream = RawTcpUpstream.Answer(
            $"HTTP/1.1 201 Created\r\nLocation: {location}\r\nContent-Location: {location}\r\nLink: <{location}>; rel=\"alternate\"\r\n"
            + "Content-Type: application/json\r\nContent-Length: 8\r\nConnection: close\r\n\r\n{\"id\":4}");
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        var exchange = await RawConnection.ExchangeAsync(gateway.Address, Request);

        Assert.Equal(201, exchange.Status);
        var expected = expectedPath is null ? null : "http://gateway.test" + expectedPath;
        Assert.Equal(expected, exchange.Header("Location"));
        Assert.Equal(expected, exchange.Header("Content-Location"));
        Assert.Equal(expected is null ? null : $"<{expected}>; rel=\"alternate\"", exchange.Header("Link"));
        Assert.Equal("{\"id\":4}", exchange.Body);
    }

    [Fact]
    public async Task StandardHeadersNamingInternalHostsOrSql_AreRemoved_CspKeepsAllButItsReportUri()
    {
        using var upstream = RawTcpUpstream.Answer(Ok(
            "Server-Timing: db;desc=\"db01.corp.acme.local:1433 SELECT * FROM dbo.Students\";dur=12\r\n"
            + "Warning: 199 app07.corp.acme.local \"stale data from db01.corp.acme.local\"\r\n"
            + "Content-Security-Policy: default-src 'self'; report-uri http://app07.corp:8080/csp-report\r\n"
            + "Content-Security-Policy-Report-Only: script-src 'self'; report-uri http://10.0.3.17:8080/csp\r\n"
            + "Report-To: {\"group\":\"csp\",\"max_age\":10886400,\"endpoints\":[{\"url\":\"http://10.0.3.17:8080/reports\"}]}\r\n"
            + "Reporting-Endpoints: csp=\"http://app07.corp:8080/reports\"\r\n"
            + "NEL: {\"report_to\":\"http://10.0.3.17:8080/nel\",\"max_age\":31536000}\r\n"));
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        var exchange = await RawConnection.ExchangeAsync(gateway.Address, Request);

        Assert.Equal(200, exchange.Status);
        Assert.Null(exchange.Header("Server-Timing"));
        Assert.Null(exchange.Header("Warning"));
        Assert.Null(exchange.Header("Report-To"));
        Assert.Null(exchange.Header("Reporting-Endpoints"));
        Assert.Null(exchange.Header("NEL"));
        Assert.Equal("default-src 'self'", exchange.Header("Content-Security-Policy"));
        Assert.Equal("script-src 'self'", exchange.Header("Content-Security-Policy-Report-Only"));
        Assert.DoesNotContain("10.0.3.17", exchange.Head, StringComparison.Ordinal);
        Assert.DoesNotContain(".corp", exchange.Head, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StandardHeadersNamingPublicPlaces_Pass()
    {
        const string reportTo = "{\"group\":\"csp\",\"max_age\":10886400,\"endpoints\":[{\"url\":\"https://reports.example.com/csp\"}]}";
        using var upstream = RawTcpUpstream.Answer(Ok(
            "Server-Timing: cache;desc=\"Cache Read\";dur=23.2, total;dur=41\r\n"
            + "Warning: 110 - \"Response is Stale\"\r\n"
            + "Content-Security-Policy: default-src 'self'; img-src https://cdn.example.com; report-uri /csp-report; report-to csp\r\n"
            + $"Report-To: {reportTo}\r\n"
            + "Reporting-Endpoints: csp=\"https://reports.example.com/csp\"\r\n"
            + "NEL: {\"report_to\":\"csp\",\"max_age\":31536000}\r\n"));
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        var exchange = await RawConnection.ExchangeAsync(gateway.Address, Request);

        Assert.Equal(200, exchange.Status);
        Assert.Equal("cache;desc=\"Cache Read\";dur=23.2, total;dur=41", exchange.Header("Server-Timing"));
        Assert.Equal("110 - \"Response is Stale\"", exchange.Header("Warning"));
        Assert.Equal("default-src 'self'; img-src https://cdn.example.com; report-uri /csp-report; report-to csp", exchange.Header("Content-Security-Policy"));
        Assert.Equal(reportTo, exchange.Header("Report-To"));
        Assert.Equal("csp=\"https://reports.example.com/csp\"", exchange.Header("Reporting-Endpoints"));
        Assert.Equal("{\"report_to\":\"csp\",\"max_age\":31536000}", exchange.Header("NEL"));
    }

    [Fact]
    public async Task DebugHeaderFamilies_AreRemovedWhateverTheirName()
    {
        using var upstream = RawTcpUpstream.Answer(Ok(
            "X-Debug-Db: SIS_PROD\r\nX-Debug-Db-User: sis_app\r\nX-Debug-Env: production\r\nX-Debug-Class: StudentController\r\n"
            + "X-Debug-Template: students/show.html.twig\r\nX-Debug-Mode: on\r\nX-Debugbar-Link: /_debugbar/open?id=1\r\n"
            + "X-Clockwork-Path: /__clockwork/\r\nX-Internal-Build: 4711\r\nX-Total-Count: 3\r\n"));
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        var exchange = await RawConnection.ExchangeAsync(gateway.Address, Request);

        Assert.Equal(200, exchange.Status);
        Assert.DoesNotContain("X-Debug", exchange.Head, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("X-Clockwork", exchange.Head, StringComparison.OrdinalIgnoreCase);
        Assert.Null(exchange.Header("X-Internal-Build")); // the operator's list still applies
        Assert.Equal("3", exchange.Header("X-Total-Count"));
        Assert.Equal("[]", exchange.Body);
    }

    // Only a single Location / Content-Location was rewritten: a backend sending the field twice passed the inside on.
    [Fact]
    public async Task LocationFieldsSentTwice_AreEachRewritten()
    {
        using var upstream = RawTcpUpstream.Answer(
            "HTTP/1.1 201 Created\r\nLocation: http://10.0.3.17:8080/api/students/4\r\nLocation: http://app07.corp/api/students/4\r\n"
            + "Content-Location: http://10.0.3.17:8080/api/students/4\r\nContent-Location: file:///C:/inetpub/sis/4.json\r\n"
            + "Content-Type: application/json\r\nContent-Length: 8\r\nConnection: close\r\n\r\n{\"id\":4}");
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        var exchange = await RawConnection.ExchangeAsync(gateway.Address, Request);

        Assert.Equal(201, exchange.Status);
        Assert.Equal(["http://gateway.test/api/students/4", "http://gateway.test/api/students/4"], exchange.Headers("Location"));
        Assert.Equal(["http://gateway.test/api/students/4"], exchange.Headers("Content-Location"));
        Assert.DoesNotContain("10.0.3.17", exchange.Head, StringComparison.Ordinal);
        Assert.DoesNotContain("corp", exchange.Head, StringComparison.Ordinal);
        Assert.DoesNotContain("inetpub", exchange.Head, StringComparison.Ordinal);
    }

    // Only the target's host was rewritten: a return address in its query still named the inside.
    [Fact]
    public async Task UrlsOfTheInside_InALocationsQuery_AreRewrittenToo()
    {
        using var upstream = RawTcpUpstream.Answer(
            "HTTP/1.1 201 Created\r\nLocation: http://10.0.3.17:8080/api/students/4?self=http%3A%2F%2F10.0.3.17%3A8080%2Fapi%2Fstudents%2F4\r\n"
            + "Link: <https://sso.example.com/cb?return=http://app07.corp/api/students/4>; rel=\"login\"\r\n"
            + "Content-Type: application/json\r\nContent-Length: 8\r\nConnection: close\r\n\r\n{\"id\":4}");
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        var exchange = await RawConnection.ExchangeAsync(gateway.Address, Request);

        Assert.Equal(201, exchange.Status);
        Assert.Equal("http://gateway.test/api/students/4?self=http%3A%2F%2Fgateway.test%2Fapi%2Fstudents%2F4", exchange.Header("Location"));
        Assert.Equal("<https://sso.example.com/cb?return=http://gateway.test/api/students/4>; rel=\"login\"", exchange.Header("Link"));
    }

    // RFC 9110 §4.2.4: a public Location kept the backend's user name and password.
    [Fact]
    public async Task LocationWithUserInfo_OnAPublicHost_LosesIt()
    {
        using var upstream = RawTcpUpstream.Answer(
            "HTTP/1.1 302 Found\r\nLocation: https://sa:S3cret@reports.example.com/r/4?fmt=pdf\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        var exchange = await RawConnection.ExchangeAsync(gateway.Address, Request);

        Assert.Equal(302, exchange.Status);
        Assert.Equal("https://reports.example.com/r/4?fmt=pdf", exchange.Header("Location"));
    }

    // A Refresh naming the inside was removed as a leak, and a path-absolute one kept the upstream's path.
    [Theory]
    [InlineData("0; url=http://10.0.3.17:8080/api/students/2", "0; url=http://gateway.test/v2/api/students/2")]
    [InlineData("5;URL='http://app07.corp/api/students?page=2'", "5;URL='http://gateway.test/v2/api/students?page=2'")]
    [InlineData("0; url=/api/students/2", "0; url=/v2/api/students/2")]
    [InlineData("0, http://[fd00::5]/api/x", "0, http://gateway.test/v2/api/x")]
    [InlineData("0; url=https://login.example.com/x", "0; url=https://login.example.com/x")]
    [InlineData("30", "30")]
    [InlineData("0; url=file:///C:/inetpub/sis/x", null)]
    public async Task Refresh_IsRewrittenLikeLocation(string refresh, string? expected)
    {
        using var upstream = RawTcpUpstream.Answer(Ok($"Refresh: {refresh}\r\n"));
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        var exchange = await RawConnection.ExchangeAsync(gateway.Address, Request.Replace("/api/", "/v2/api/", StringComparison.Ordinal));

        Assert.Equal(200, exchange.Status);
        Assert.Equal(expected, exchange.Header("Refresh"));
    }

    [Fact]
    public async Task CmsAndProxyHeaderFamilies_AreRemovedWhateverTheirName()
    {
        using var upstream = RawTcpUpstream.Answer(Ok(
            "X-Drupal-Cache-Tags: config:system.site node:1 user:5\r\nX-Drupal-Cache-Contexts: user.roles:authenticated\r\n"
            + "X-Envoy-Upstream-Healthchecked-Cluster: legacy-sis\r\nX-Envoy-Attempt-Count: 2\r\nX-Kong-Request-Id: 4f5e\r\n"
            + "X-Kong-Upstream-Status: 200\r\nX-Pingback: https://www.example.com/xmlrpc.php\r\nX-Powered-CMS: Bitrix Site Manager\r\n"
            + "X-Total-Count: 3\r\n"));
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        var exchange = await RawConnection.ExchangeAsync(gateway.Address, Request);

        Assert.Equal(200, exchange.Status);
        Assert.DoesNotContain("X-Drupal", exchange.Head, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("X-Envoy", exchange.Head, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("X-Kong", exchange.Head, StringComparison.OrdinalIgnoreCase);
        Assert.Null(exchange.Header("X-Pingback"));
        Assert.Null(exchange.Header("X-Powered-CMS"));
        Assert.Equal("3", exchange.Header("X-Total-Count"));
    }

    // An operator names a family of their own backend's headers once, as the built-in debug families are named.
    [Fact]
    public async Task ConfiguredFamily_EndingInAStar_RemovesEveryHeaderItNames()
    {
        using var upstream = RawTcpUpstream.Answer(Ok(
            "X-Internal-Build: 4711\r\nX-Internal-Node: app07\r\nx-internal-trace-flags: 01\r\nX-Internals-Doc: kept\r\nX-Total-Count: 3\r\n"));
        var config = TestConfigs.Standard.Replace("[ \"X-Internal-Build\" ]", "[ \"X-Internal-*\" ]", StringComparison.Ordinal);
        await using var gateway = await GatewayHost.StartAsync(config, upstream.Address, output);

        var exchange = await RawConnection.ExchangeAsync(gateway.Address, Request);

        Assert.Equal(200, exchange.Status);
        Assert.DoesNotContain("X-Internal-", exchange.Head, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("kept", exchange.Header("X-Internals-Doc"));
        Assert.Equal("3", exchange.Header("X-Total-Count"));
    }

    // A bare node name ("sis-blue", "appsrv01") has no address or internal suffix for the value check to see: these
    // headers exist only to name the node that answered.
    [Fact]
    public async Task HeadersNamingTheNodeThatAnswered_AreRemovedWhateverTheirValue()
    {
        using var upstream = RawTcpUpstream.Answer(Ok(
            "X-Backend: sis-blue\r\nX-Origin-Server: appsrv01\r\nX-Node: node-7\r\n"
            + "X-Cache-Lookup: MISS from squid01:3128\r\nX-Squid-Error: ERR_READ_TIMEOUT 0\r\nX-Total-Count: 3\r\n"));
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        var exchange = await RawConnection.ExchangeAsync(gateway.Address, Request);

        Assert.Equal(200, exchange.Status);
        foreach (var name in new[] { "X-Backend", "X-Origin-Server", "X-Node", "X-Cache-Lookup", "X-Squid-Error" })
        {
            Assert.Null(exchange.Header(name));
        }

        Assert.Equal("3", exchange.Header("X-Total-Count"));
    }

    [Theory]
    [InlineData("200 OK", "[]")]
    [InlineData("201 Created", "{\"id\":4}")]
    public async Task HeadersTheUpstreamsConnectionNominates_StayOnItsHop_ContentHeadersAndOthersPass(string status, string body)
    {
        using var upstream = RawTcpUpstream.Answer(
            $"HTTP/1.1 {status}\r\nConnection: keep-alive, X-Internal-Node , x-db-time,Content-Type\r\nX-Internal-Node: app07\r\n"
            + "X-Db-Time: 12\r\nX-Request-Id: r-1\r\nKeep-Alive: timeout=5\r\n"
            + $"Content-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n{body}");
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        var exchange = await RawConnection.ExchangeAsync(gateway.Address, Request);

        Assert.Equal(int.Parse(status[..3], System.Globalization.CultureInfo.InvariantCulture), exchange.Status);
        Assert.Null(exchange.Header("X-Internal-Node"));
        Assert.Null(exchange.Header("X-Db-Time"));
        Assert.Equal("r-1", exchange.Header("X-Request-Id"));
        Assert.StartsWith("application/json", exchange.Header("Content-Type"), StringComparison.Ordinal);
        Assert.NotNull(exchange.Header("X-Correlation-Id"));
    }

    private static string Ok(string headers) =>
        $"HTTP/1.1 200 OK\r\n{headers}Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n[]";
}
