using System.Net;
using Gateway.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests;

/// <summary>
/// <c>RejectDebugOutput</c>: a backend that crashes but answers 200 (PHP with display_errors, a servlet printing its
/// trace) gets the profile's 500 instead; ordinary success bodies, and routes without the option, are untouched.
/// </summary>
public sealed class DebugOutputTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Config = """
    {
      "Gateway": {
        "MaxErrorBodyBytes": 8192,
        "Routes": {
          "guarded": { "RejectDebugOutput": true },
          "guarded-pd": { "RejectDebugOutput": true, "Profile": "ProblemDetails" },
          "guarded-strip": { "RejectDebugOutput": true, "StripDebugFields": true }
        }
      },
      "ReverseProxy": {
        "Routes": {
          "guarded": { "ClusterId": "c", "Match": { "Path": "/api/{**rest}" } },
          "guarded-pd": { "ClusterId": "c", "Match": { "Path": "/pd/api/{**rest}" }, "Transforms": [ { "PathRemovePrefix": "/pd" } ] },
          "guarded-strip": { "ClusterId": "c", "Match": { "Path": "/strip/api/{**rest}" }, "Transforms": [ { "PathRemovePrefix": "/strip" } ] },
          "plain": { "ClusterId": "c", "Match": { "Path": "/plain/api/{**rest}" }, "Transforms": [ { "PathRemovePrefix": "/plain" } ] }
        },
        "Clusters": { "c": { "Destinations": { "d": { "Address": "{UPSTREAM}" } } } }
      }
    }
    """;

    private const string PhpFatal = """
        <br />
        <b>Fatal error</b>:  Uncaught PDOException: SQLSTATE[HY000] [2002] Connection refused in /var/www/html/lib/db.php:12
        Stack trace:
        #0 /var/www/html/lib/db.php(12): PDO->__construct('mysql:host=db01...', 'sis', 'hunter2')
        #1 /var/www/html/api/students.php(5): connect()
        #2 {main}
          thrown in <b>/var/www/html/lib/db.php</b> on line <b>12</b><br />
        """;

    private const string PhpWarningThenJson = """
        <br />
        <b>Warning</b>:  Undefined array key "grade" in <b>/var/www/html/api/students.php</b> on line <b>41</b><br />
        <br />
        <b>Warning</b>:  Cannot modify header information - headers already sent by (output started at /var/www/html/api/students.php:41) in <b>/var/www/html/api/students.php</b> on line <b>57</b><br />
        {"id":12,"name":"Ada"}
        """;

    private const string JavaTrace = """
        java.lang.NullPointerException: Cannot invoke "com.acme.sis.Section.getId()" because "section" is null
        	at com.acme.sis.RosterService.load(RosterService.java:88)
        	at com.acme.sis.RosterServlet.doGet(RosterServlet.java:41)
        	at javax.servlet.http.HttpServlet.service(HttpServlet.java:670)
        """;

    // Ordinary data that names paths, hosts and exception types: none of it is debug output.
    private const string CleanJson = """{"id":12,"photo":"/var/media/students/12.jpg","server":"files01.corp.local","lastError":"TimeoutException"}""";

    private const string CleanHtml = "<!DOCTYPE html><html><head><title>Roster</title></head><body><h1>Section 3</h1><ul><li>Ada</li></ul></body></html>";

    private FakeLegacyUpstream _upstream = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        _upstream = await FakeLegacyUpstream.StartAsync(app =>
        {
            app.MapGet("/api/php-fatal", () => Bodies.Raw(200, "text/html; charset=UTF-8", PhpFatal));
            app.MapGet("/api/php-warning", () => Bodies.Raw(200, "application/json", PhpWarningThenJson));
            app.MapGet("/api/java-trace", () => Bodies.Raw(200, "text/plain", JavaTrace));
            app.MapGet("/api/clean-json", () => Bodies.Raw(200, "application/json", CleanJson));
            app.MapGet("/api/clean-html", () => Bodies.Raw(200, "text/html", CleanHtml));
            app.MapGet("/api/trace-field", () => Bodies.Raw(200, "application/json", """{"id":12,"stackTrace":"   at Acme.Roster.Load() in C:\\src\\Roster.cs:line 9"}"""));
            app.MapGet("/api/gzip-fatal", async (HttpContext c) =>
            {
                var bytes = Bodies.Gzip(PhpFatal);
                c.Response.ContentType = "text/html";
                c.Response.Headers.ContentEncoding = "gzip";
                c.Response.ContentLength = bytes.Length;
                await c.Response.Body.WriteAsync(bytes);
            });
            app.MapGet("/api/unknown-coding-fatal", async (HttpContext c) =>
            {
                // A coding nobody can undo, over plain text: curl and log viewers show the trace as it is.
                c.Response.ContentType = "text/plain";
                c.Response.Headers.ContentEncoding = "x-legacy";
                await c.Response.WriteAsync(JavaTrace);
            });
            app.MapGet("/api/empty-json", () => Bodies.Raw(200, "application/json", ""));
            app.MapGet("/api/image", () => Results.Bytes(System.Text.Encoding.ASCII.GetBytes(JavaTrace), "image/png"));
            app.MapGet("/api/big-fatal", () => Bodies.Raw(200, "text/html", PhpFatal + new string(' ', 9000)));
        });
        _gateway = await GatewayHost.StartAsync(Config, _upstream.Address, output);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Theory]
    [InlineData("/api/php-fatal")]
    [InlineData("/api/php-warning")]
    [InlineData("/api/java-trace")]
    [InlineData("/api/gzip-fatal")]
    [InlineData("/api/unknown-coding-fatal")]
    public async Task CrashAnswered200_Becomes500_NothingInternalReachesTheClient(string path)
    {
        using var response = await _gateway.Client.GetAsync(path);

        var json = await Payload.ReadEdFiAsync(response, 500);
        Assert.Equal("An unexpected error occurred.", json.GetProperty("message").GetString());
        Assert.Null(response.Content.Headers.ContentEncoding.FirstOrDefault());
        var text = json.ToString();
        foreach (var leak in new[] { "/var/www", "SQLSTATE", "hunter2", "NullPointerException", "RosterService" })
        {
            Assert.DoesNotContain(leak, text, StringComparison.Ordinal);
        }

        Assert.Contains(_gateway.Logs.Lines, l => l.Message.Contains("carried debug output", StringComparison.Ordinal)
            && l.Message.Contains("StackTrace", StringComparison.Ordinal)
            && !l.Message.Contains("hunter2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProblemDetailsRoute_GetsItsOwn500()
    {
        using var response = await _gateway.Client.GetAsync("/pd/api/php-fatal");

        var json = await Payload.ReadProblemAsync(response, 500);
        Assert.DoesNotContain("SQLSTATE", json.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/clean-json", CleanJson)]
    [InlineData("/api/clean-html", CleanHtml)]
    public async Task OrdinarySuccessBodies_PassByteForByte(string path, string body)
    {
        using var response = await _gateway.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(body, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/plain/api/php-fatal", "php")] // the option is off: success bodies stream untouched
    [InlineData("/api/image", "java")] // not a textual type
    [InlineData("/api/big-fatal", "big")] // over MaxErrorBodyBytes: not read
    public async Task NotInspected_PassesUnchanged(string path, string sent)
    {
        var expected = sent switch { "php" => PhpFatal, "java" => JavaTrace, _ => PhpFatal + new string(' ', 9000) };

        using var response = await _gateway.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WithStripDebugFields_TheFieldIsDropped_TheDataKept()
    {
        using var response = await _gateway.Client.GetAsync("/strip/api/trace-field");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"id":12}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WithStripDebugFields_AnEmptyJsonBody_PassesAsTheEmpty200()
    {
        using var response = await _gateway.Client.GetAsync("/strip/api/empty-json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain(_gateway.Logs.Lines, l => l.EventName == "ForwardFailed");
    }

    [Fact]
    public async Task WithoutStripDebugFields_ATraceFieldFailsTheBody()
    {
        using var response = await _gateway.Client.GetAsync("/api/trace-field");

        await Payload.ReadEdFiAsync(response, 500);
    }
}
