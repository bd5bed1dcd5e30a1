using System.Net;
using System.Text;
using Gateway.IntegrationTests.Infrastructure;
using Gateway.Proxy;
using Gateway.Transforms.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests;

/// <summary>Upstream errors of every common shape, end to end through the real gateway, in both profiles.</summary>
public sealed class ErrorNormalizationTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string YellowScreen = """
        <html><head><title>Object reference not set to an instance of an object.</title></head><body>
        <h1>Server Error in '/' Application.</h1>
        <h2><i>Object reference not set to an instance of an object.</i></h2>
        <b>Exception Details: </b>System.NullReferenceException: Object reference not set to an instance of an object.<br>
        <pre>[NullReferenceException: Object reference not set to an instance of an object.]
           StudentApi.Controllers.StudentsController.Get(Int32 id) in C:\src\StudentApi\Controllers\StudentsController.cs:42
           System.Web.Mvc.ActionMethodDispatcher.Execute(ControllerBase controller, Object[] parameters) +14
        </pre><b>Version Information:</b> Microsoft .NET Framework Version:4.0.30319; ASP.NET Version:4.8.4494.0
        </body></html>
        """;

    private const string JavaTrace = """
        java.lang.IllegalStateException: Failed to load student 12
        	at com.acme.students.StudentService.load(StudentService.java:88)
        	at com.acme.students.StudentController.get(StudentController.java:41)
        Caused by: org.postgresql.util.PSQLException: ERROR: relation "students" does not exist
        	at org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2676)
        	... 48 more
        """;

    private const string SoapFault = """
        <?xml version="1.0" encoding="utf-8"?>
        <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
          <soap:Body><soap:Fault><faultcode>soap:Server</faultcode>
            <faultstring>Server was unable to process request. ---&gt; System.Data.SqlClient.SqlException: Invalid object name 'dbo.Students'.</faultstring>
            <detail>   at StudentService.Find(Int32 id) in D:\build\StudentService.asmx.cs:line 77</detail>
          </soap:Fault></soap:Body></soap:Envelope>
        """;

    // Ed-Fi ODS/API 7's own answer to an invalid POST: a second list member ("errors") after "validationErrors".
    private const string EdFiValidationProblem = """
        {"detail":"Data validation failed. See 'validationErrors' for details.","type":"urn:ed-fi:api:bad-request:data-validation-failed","title":"Data Validation Failed","status":400,"correlationId":"0b1e7c2a","validationErrors":{"$.studentUniqueId":["StudentUniqueId is required."]},"errors":[]}
        """;

    private static readonly string[] s_leakMarkers =
    [
        "NullReferenceException", "StudentsController", @"C:\src", "java.lang", "StudentService", "PSQLException",
        "SqlException", "dbo.", ".java:", "relation \"students\"", "StackTrace", "Traceback", "/var/www", "PK_Student",
    ];

    private FakeLegacyUpstream _upstream = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        _upstream = await FakeLegacyUpstream.StartAsync(app =>
        {
            app.MapGet("/api/yellow", () => Bodies.Raw(500, "text/html; charset=utf-8", YellowScreen));
            app.MapGet("/api/java", () => Bodies.Raw(500, "text/plain", JavaTrace));
            app.MapPost("/api/soap", () => Bodies.Raw(500, "text/xml; charset=utf-8", SoapFault));
            app.MapGet("/api/missing", () => Bodies.Raw(404, "application/json", """{"message":"Student 12 was not found."}"""));
            app.MapGet("/api/validation", () => Bodies.Raw(400, "application/json",
                """{"errors":[{"field":"lastName","message":"Last name is required."}]}"""));
            app.MapGet("/api/duplicate", () => Bodies.Raw(500, "application/json",
                """{"Message":"An error has occurred.","ExceptionMessage":"Violation of PRIMARY KEY constraint 'PK_Student'. Cannot insert duplicate key in object 'dbo.Student'.","ExceptionType":"System.Data.SqlClient.SqlException"}"""));
            app.MapGet("/api/teapot", () => Bodies.Raw(418, "text/plain", "I'm a teapot"));
            app.MapGet("/api/conforming", () => Bodies.Raw(409, "application/json", """{"code":409,"type":"Conflict","message":"Student 12 already exists."}"""));
            app.MapGet("/api/gzip", async (HttpContext c) =>
            {
                var body = Bodies.Gzip(YellowScreen);
                c.Response.StatusCode = 500;
                c.Response.ContentType = "text/html";
                c.Response.ContentLength = body.Length;
                c.Response.Headers.ContentEncoding = "gzip";
                c.Response.Headers.ETag = "\"abc\"";
                c.Response.Headers["Access-Control-Allow-Origin"] = "https://app.example.com";
                await c.Response.Body.WriteAsync(body);
            });
            app.MapGet("/api/tomcat", () => Bodies.Raw(404, "text/html;charset=utf-8",
                """<!doctype html><html lang="en"><head><title>HTTP Status 404 – Not Found</title></head><body><h1>HTTP Status 404 – Not Found</h1><hr class="line" /><p><b>Type</b> Status Report</p><p><b>Message</b> Student 12 was not found.</p><p><b>Description</b> The origin server did not find a current representation for the target resource.</p><hr class="line" /><h3>Apache Tomcat/9.0.83</h3></body></html>"""));
            app.MapGet("/api/limited", (HttpContext c) =>
            {
                c.Response.Headers.RetryAfter = "30";
                c.Response.Headers["X-RateLimit-Limit"] = "100";
                c.Response.Headers["X-RateLimit-Remaining"] = "0";
                c.Response.Headers["RateLimit-Policy"] = "100;w=60";
                c.Response.Headers["X-Backend"] = "10.0.3.17:8080";
                return Bodies.Raw(429, "text/html", "<html><title>Too many requests</title></html>");
            });
            app.MapGet("/api/maintenance", (HttpContext c) =>
            {
                c.Response.Headers.RetryAfter = "120";
                return Bodies.Raw(503, "text/html", "<html><title>Down for maintenance</title></html>");
            });
            // An old servlet or CGI writing ISO-8859-1: without a charset, or under a wrong "charset=UTF-8".
            app.MapGet("/api/latin1/{label}", async (HttpContext c, string label) =>
            {
                c.Response.StatusCode = 400;
                c.Response.ContentType = label == "none" ? "text/plain" : "text/plain; charset=UTF-8";
                await c.Response.Body.WriteAsync(Encoding.Latin1.GetBytes("L'élève 12 est introuvable."));
            });
            app.MapGet("/api/huge", () => Bodies.Raw(500, "text/plain", "Timeout expired. " + new string('x', 3 * 1024 * 1024)));
            // Client errors whose message names a class, a decoder's struct or a service, without the usual suffixes.
            app.MapGet("/api/laravel-missing", () => Bodies.Raw(404, "application/json",
                """{"message":"No query results for model [App\\Models\\Student] 12"}"""));
            app.MapGet("/api/spring-mismatch", () => Bodies.Raw(400, "application/json",
                """{"timestamp":"2026-12-07T08:00:00.000+00:00","status":400,"error":"Bad Request","message":"Failed to convert value of type 'java.lang.String' to required type 'java.lang.Long'; For input string: \"abc\"","path":"/api/students/abc"}"""));
            app.MapGet("/api/go-decode", () => Bodies.Raw(400, "text/plain; charset=utf-8",
                "json: cannot unmarshal string into Go struct field Student.age of type int\n"));
            app.MapGet("/api/proxy-host", () => Bodies.Raw(409, "text/plain", "Sync refused: could not connect to legacy-sis:8080"));
            app.MapGet("/api/edfi-validation", () => Bodies.Raw(400, "application/problem+json", EdFiValidationProblem));
            // Already in the standard shape, but an extension field carries the ORM's query.
            app.MapGet("/api/problem-with-sql", () => Bodies.Raw(400, "application/problem+json",
                """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"Bad Request","status":400,"detail":"The query failed.","sql":"select * from \"students\" where \"id\" = ?"}"""));
        });
        _gateway = await GatewayHost.StartAsync(TestConfigs.Standard, _upstream.Address, output);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Theory]
    [InlineData("yellow")]
    [InlineData("java")]
    [InlineData("gzip")]
    [InlineData("huge")]
    public async Task Leaky5xx_EdFi_GenericMessage_NoLeak(string name)
    {
        using var response = await _gateway.Client.GetAsync($"/api/{name}");

        var json = await Payload.ReadEdFiAsync(response, 500);
        Assert.Equal("An unexpected error occurred.", json.GetProperty("message").GetString());
        AssertNoLeak(json.ToString());
    }

    [Theory]
    [InlineData("laravel-missing", 404, "App\\Models")]
    [InlineData("spring-mismatch", 400, "java.lang")]
    [InlineData("go-decode", 400, "Go struct")]
    [InlineData("proxy-host", 409, "legacy-sis")]
    public async Task LeakyClientError_ProblemDetails_GenericDetail(string name, int status, string leak)
    {
        using var response = await _gateway.Client.GetAsync($"/v2/api/{name}");

        var json = await Payload.ReadProblemAsync(response, status);
        Assert.Equal(StatusDefaults.GenericMessage(status), json.GetProperty("detail").GetString());
        Assert.DoesNotContain(leak, json.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ConformingProblem_WithQueryInAnExtensionField_IsRewritten_KeepsCleanDetail()
    {
        using var response = await _gateway.Client.GetAsync("/v2/api/problem-with-sql");

        var json = await Payload.ReadProblemAsync(response, 400);
        Assert.Equal("The query failed.", json.GetProperty("detail").GetString());
        Assert.False(json.TryGetProperty("sql", out _));
        Assert.DoesNotContain("students", json.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SoapFault_ProblemDetails_GenericDetail_NoLeak()
    {
        using var response = await _gateway.Client.PostAsync("/v2/api/soap", new StringContent("<x/>"));

        var json = await Payload.ReadProblemAsync(response, 500);
        AssertNoLeak(json.ToString());
    }

    [Fact]
    public async Task Clean404_EdFi_NoBody_ProblemDetails_KeepsMessage()
    {
        using var edfi = await _gateway.Client.GetAsync("/api/missing");
        Assert.Equal(HttpStatusCode.NotFound, edfi.StatusCode);
        Assert.Empty(await edfi.Content.ReadAsByteArrayAsync());

        using var problem = await _gateway.Client.GetAsync("/v2/api/missing");
        var json = await Payload.ReadProblemAsync(problem, 404);
        Assert.Equal("Student 12 was not found.", json.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task CleanValidationList_IsKeptAsReadableMessage()
    {
        using var response = await _gateway.Client.GetAsync("/api/validation");

        var json = await Payload.ReadEdFiAsync(response, 400);
        Assert.Contains("Last name is required.", json.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DuplicateKeyViolation_Becomes409_WithoutConstraintOrTable()
    {
        using var response = await _gateway.Client.GetAsync("/api/duplicate");

        var json = await Payload.ReadEdFiAsync(response, 409);
        AssertNoLeak(json.ToString());
    }

    [Theory]
    [InlineData("none")]
    [InlineData("utf8")]
    public async Task Latin1Message_UndeclaredOrMislabelled_ReadAsLatin1(string label)
    {
        using var response = await _gateway.Client.GetAsync($"/api/latin1/{label}");

        var json = await Payload.ReadEdFiAsync(response, 400);
        Assert.Equal("L'élève 12 est introuvable.", json.GetProperty("message").GetString());
    }

    [Fact]
    public async Task OddStatus_MapsToProfile()
    {
        using var response = await _gateway.Client.GetAsync("/api/teapot");

        await Payload.ReadEdFiAsync(response, 400);
    }

    [Fact]
    public async Task AlreadyConformingCleanError_PassesUnchanged()
    {
        using var response = await _gateway.Client.GetAsync("/api/conforming");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("""{"code":409,"type":"Conflict","message":"Student 12 already exists."}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RewrittenError_DropsStaleEncodingAndETag_KeepsCors_HasCorrectLength()
    {
        using var response = await _gateway.Client.GetAsync("/api/gzip");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Null(response.Headers.ETag);
        Assert.Equal("https://app.example.com", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    // A client told to slow down or come back later must still be told when: the upstream's timing headers survive
    // the rewrite (as the gateway's own 429 carries them), whatever else it sent does not.
    [Fact]
    public async Task RewrittenThrottleAndMaintenance_KeepRetryAfterAndRateLimitHeaders()
    {
        using var limited = await _gateway.Client.GetAsync("/v2/api/limited");
        await Payload.ReadProblemAsync(limited, 429);
        Assert.Equal("30", limited.Headers.GetValues("Retry-After").Single());
        Assert.Equal("100", limited.Headers.GetValues("X-RateLimit-Limit").Single());
        Assert.Equal("0", limited.Headers.GetValues("X-RateLimit-Remaining").Single());
        Assert.Equal("100;w=60", limited.Headers.GetValues("RateLimit-Policy").Single());
        Assert.False(limited.Headers.Contains("X-Backend"));

        using var maintenance = await _gateway.Client.GetAsync("/api/maintenance");
        await Payload.ReadEdFiAsync(maintenance, 500);
        Assert.Equal("120", maintenance.Headers.GetValues("Retry-After").Single());
    }

    // A servlet's sendError(404, "…") puts the application's text in the report's Message row, under a headline that is
    // only the status; the container's name and version stay behind.
    [Fact]
    public async Task TomcatStatusReport_ClientGetsTheApplicationsMessage()
    {
        using var response = await _gateway.Client.GetAsync("/v2/api/tomcat");

        var json = await Payload.ReadProblemAsync(response, 404);
        Assert.Equal("Student 12 was not found.", json.GetProperty("detail").GetString());
        Assert.DoesNotContain("Tomcat", json.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EdFiApi7ValidationProblem_BothProfiles_GiveTheFieldMessage()
    {
        using var edFi = await _gateway.Client.GetAsync("/api/edfi-validation");
        var json = await Payload.ReadEdFiAsync(edFi, 400);
        Assert.Equal("studentUniqueId: StudentUniqueId is required.", json.GetProperty("message").GetString());

        // Its title "Data Validation Failed" is no reason phrase (behaviour.md §1): rewritten, the field message kept.
        using var problem = await _gateway.Client.GetAsync("/v2/api/edfi-validation");
        var problemJson = await Payload.ReadProblemAsync(problem, 400);
        Assert.Equal("Bad Request", problemJson.GetProperty("title").GetString());
        Assert.Equal("studentUniqueId: StudentUniqueId is required.", problemJson.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task RouteWithNormalizationOff_PassesRawError()
    {
        using var response = await _gateway.Client.GetAsync("/raw/api/java");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("java.lang.IllegalStateException", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replacement_IsLoggedWithLeakKinds_ButNotTheBody()
    {
        using var response = await _gateway.Client.GetAsync("/api/java");
        await response.Content.ReadAsStringAsync();

        await GatewayHost.EventuallyAsync(() => _gateway.Logs.Lines.Any(l => l.Message.Contains("replaced by 500", StringComparison.Ordinal)), "replacement log line");
        var line = _gateway.Logs.Lines.First(l => l.Message.Contains("replaced by 500", StringComparison.Ordinal));
        Assert.Contains("StackTrace", line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_gateway.Logs.Lines, l => l.Message.Contains("StudentService.load", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SamePageRepeated_AnsweredAlikeFromMemory_EachLoggedWithItsLeaks_OtherProfileUnaffected()
    {
        var memo = _gateway.Services.GetRequiredService<ErrorVerdictMemo>();
        var hitsBefore = memo.Hits;
        var messages = new List<string?>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await _gateway.Client.GetAsync("/api/yellow");
            var json = await Payload.ReadEdFiAsync(response, 500);
            AssertNoLeak(json.ToString());
            messages.Add(json.GetProperty("message").GetString());
        }

        using var problem = await _gateway.Client.GetAsync("/v2/api/yellow");
        var problemJson = await Payload.ReadProblemAsync(problem, 500);
        AssertNoLeak(problemJson.ToString());

        Assert.All(messages, m => Assert.Equal("An unexpected error occurred.", m));
        Assert.True(memo.Hits - hitsBefore >= 2, $"{memo.Hits - hitsBefore} verdicts answered from memory");
        // A remembered verdict still names what was removed, for every request.
        await GatewayHost.EventuallyAsync(
            () => _gateway.Logs.Lines.Count(l => l.Message.Contains("text/html; charset=utf-8", StringComparison.Ordinal) && l.Message.Contains("replaced by 500", StringComparison.Ordinal) && l.Message.Contains("StackTrace", StringComparison.Ordinal)) >= 6,
            "six replacement lines with leak kinds");
    }

    private static void AssertNoLeak(string body)
    {
        foreach (var marker in s_leakMarkers)
        {
            Assert.DoesNotContain(marker, body, StringComparison.OrdinalIgnoreCase);
        }
    }
}
