using System.Net;
using System.Text;
using System.Text.Json;
using Gateway.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests;

/// <summary>Per-route body rules, debug-field stripping and success conformance, end to end.</summary>
public sealed class ResponseRuleTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Config = """
    {
      "Gateway": {
        "MaxErrorBodyBytes": 4096,
        "Routes": {
          "legacy": {
            "Rules": [ { "WhenStatus": [ 200 ], "Path": "/success", "EqualTo": "false", "Status": 404, "MessagePath": "/error" } ],
            "StripDebugFields": true,
            "SuccessConformance": true
          },
          "conform": { "SuccessConformance": true },
          "legacy-pd": {
            "Profile": "ProblemDetails",
            "Rules": [
              { "Path": "/success", "EqualTo": "false", "Status": 404, "MessagePath": "/error" },
              { "WhenStatus": [ 400 ], "Path": "/errors", "Status": 422 }
            ],
            "SuccessConformance": true
          }
        }
      },
      "ReverseProxy": {
        "Routes": {
          "legacy": { "ClusterId": "c", "Match": { "Path": "/api/{**rest}" } },
          "legacy-pd": { "ClusterId": "c", "Match": { "Path": "/pd/api/{**rest}" }, "Transforms": [ { "PathRemovePrefix": "/pd" } ] },
          "plain": { "ClusterId": "c", "Match": { "Path": "/plain/api/{**rest}" }, "Transforms": [ { "PathRemovePrefix": "/plain" } ] },
          "conform": { "ClusterId": "c", "Match": { "Path": "/conform/api/{**rest}" }, "Transforms": [ { "PathRemovePrefix": "/conform" } ] }
        },
        "Clusters": { "c": { "Destinations": { "d": { "Address": "{UPSTREAM}" } } } }
      }
    }
    """;

    private static readonly string s_bigOk = """{"success":false,"error":"ignored because over the bound","pad":""" + "\"" + new string('x', 8000) + "\"}";

    private FakeLegacyUpstream _upstream = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        _upstream = await FakeLegacyUpstream.StartAsync(app =>
        {
            app.MapGet("/api/students/{id:int}", (int id) => id == 1
                ? Bodies.Raw(200, "application/json", """{"success":true,"data":{"id":1,"name":"Ada"}}""")
                : Bodies.Raw(200, "application/json", """{"success":false,"error":"Student not found"}"""));
            // A legacy HEAD: the GET's status and length, no body, so no error to find in it.
            app.MapMethods("/api/headed/{id:int}", ["GET", "HEAD"], (HttpContext c, int id) =>
            {
                c.Response.Headers["X-Seen-Method"] = c.Request.Method;
                return id == 1
                    ? Bodies.Raw(200, "application/json", """{"success":true,"data":{"id":1,"name":"Ada"}}""")
                    : Bodies.Raw(200, "application/json", """{"success":false,"error":"Student not found"}""");
            });
            // PHP's default type for whatever a script echoes.
            app.MapGet("/api/php-false", () => Bodies.Raw(200, "text/html; charset=UTF-8", """{"success":false,"error":"Student not found"}"""));
            app.MapGet("/api/php-page", () => Bodies.Raw(200, "text/html; charset=UTF-8", "<html><body>{\"success\":false}</body></html>"));
            app.MapGet("/api/leaky-false", () => Bodies.Raw(200, "application/json", """{"success":false,"error":"System.InvalidOperationException: at Acme.Repo.Load() in C:\\src\\Repo.cs:line 9"}"""));
            app.MapGet("/api/php-debug", () => Bodies.Raw(200, "text/html; charset=UTF-8", """{"id":1,"name":"Ada","stackTrace":"#0 /var/www/app/Student.php(42): load()"}"""));
            app.MapGet("/api/php-text", () => Bodies.Raw(200, "text/plain", "[[[ not JSON, \"debug\": left as it is"));
            // WCF with writeEncoding="utf-16".
            app.MapGet("/api/debug-utf16", async (HttpContext c) =>
            {
                var bytes = Encoding.Unicode.GetBytes("""{"id":1,"name":"Élève","stackTrace":"   at Acme.X() in C:\\src\\X.cs:line 3"}""");
                c.Response.ContentType = "application/json; charset=utf-16";
                c.Response.ContentLength = bytes.Length;
                await c.Response.Body.WriteAsync(bytes);
            });
            app.MapGet("/api/debug", () => Bodies.Raw(200, "application/json", """{"id":1,"name":"Ada","stackTrace":"   at Acme.X() in /src/X.cs:line 3","debug":{"sql":"SELECT * FROM dbo.Students"}}"""));
            app.MapGet("/api/gzip-false", async (HttpContext c) =>
            {
                var bytes = Bodies.Gzip("""{"success":false,"error":"Student not found"}""");
                c.Response.ContentType = "application/json";
                c.Response.Headers.ContentEncoding = "gzip";
                c.Response.ContentLength = bytes.Length;
                await c.Response.Body.WriteAsync(bytes);
            });
            // An old PHP or .NET backend writing its JSON in the charset it declares, not in UTF-8.
            app.MapGet("/api/charset-false/{charset}", async (HttpContext c, string charset) =>
            {
                var encoding = charset == "utf-16" ? Encoding.Unicode : Encoding.Latin1;
                var bytes = encoding.GetBytes("""{"success":false,"error":"L'élève 12 est introuvable."}""");
                c.Response.ContentType = $"application/json; charset={charset}";
                c.Response.ContentLength = bytes.Length;
                await c.Response.Body.WriteAsync(bytes);
            });
            app.MapGet("/api/big", () => Bodies.Raw(200, "application/json", s_bigOk));
            app.MapGet("/api/chunked-big", async (HttpContext c) =>
            {
                c.Response.ContentType = "application/json";
                await c.Response.WriteAsync(s_bigOk[..4000]);
                await c.Response.Body.FlushAsync();
                await c.Response.WriteAsync(s_bigOk[4000..]);
            });
            app.MapGet("/api/validation", () => Bodies.Raw(400, "application/json", """{"errors":[{"field":"grade","message":"Grade must be between 1 and 12."}]}"""));
            app.MapPost("/api/enrollments", (HttpContext c) =>
            {
                c.Response.Headers.Location = "/api/enrollments/0";
                return Bodies.Raw(200, "application/json", """{"success":false,"error":"Section 7 is full."}""");
            });
            app.MapPost("/api/students", (HttpContext c) =>
            {
                c.Response.Headers.Location = "/api/students/4";
                return Bodies.Raw(200, "application/json", """{"id":4}""");
            });
            // Headers flushed before any body: Kestrel frames the response chunked, and it ends with the last chunk only.
            app.MapGet("/api/chunked-empty", async (HttpContext c) =>
            {
                c.Response.ContentType = "application/json";
                await c.Response.Body.FlushAsync();
            });
            app.MapGet("/api/chunked-data", async (HttpContext c) =>
            {
                c.Response.ContentType = "application/json";
                await c.Response.Body.FlushAsync();
                await c.Response.WriteAsync("""{"id":1,""");
                await c.Response.Body.FlushAsync();
                await c.Response.WriteAsync("\"name\":\"Ada\"}");
            });
            app.MapDelete("/api/students/{id:int}", (HttpContext c) =>
            {
                c.Response.ContentLength = 0;
                return Task.CompletedTask;
            });
        });
        _gateway = await GatewayHost.StartAsync(Config, _upstream.Address, output);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task SuccessFalse_Becomes404_EdFiNoBody_ProblemDetailsWithMessage()
    {
        using var edfi = await _gateway.Client.GetAsync("/api/students/12");
        Assert.Equal(HttpStatusCode.NotFound, edfi.StatusCode);
        Assert.Empty(await edfi.Content.ReadAsByteArrayAsync());

        using var pd = await _gateway.Client.GetAsync("/pd/api/students/12");
        var json = await Payload.ReadProblemAsync(pd, 404);
        Assert.Equal("Student not found", json.GetProperty("detail").GetString());
    }

    // RFC 9110 §9.3.2: a HEAD gets the status and fields a GET would. The upstream is asked a GET, as the error is in
    // the body a legacy HEAD leaves out.
    [Theory]
    [InlineData("/pd/api/headed/12")]
    [InlineData("/pd/api/headed/1")]
    [InlineData("/api/headed/12")]
    [InlineData("/api/headed/1")]
    [InlineData("/api/big")]
    public async Task Head_OnARulesRoute_GetsTheStatusAndFieldsOfGet(string path)
    {
        using var get = await _gateway.Client.GetAsync(path);
        using var head = await _gateway.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Head_OnARouteWithoutRules_StaysAHeadUpstream()
    {
        using var head = await _gateway.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/plain/api/headed/12"));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("HEAD", Assert.Single(head.Headers.GetValues("X-Seen-Method")));
    }

    [Fact]
    public async Task SuccessFalseSentAsTextHtml_IsMatched_APageIsNot()
    {
        using var json = await _gateway.Client.GetAsync("/pd/api/php-false");
        var problem = await Payload.ReadProblemAsync(json, 404);
        Assert.Equal("Student not found", problem.GetProperty("detail").GetString());

        using var page = await _gateway.Client.GetAsync("/pd/api/php-page");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal("<html><body>{\"success\":false}</body></html>", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SuccessTrue_PassesByteForByte()
    {
        using var response = await _gateway.Client.GetAsync("/pd/api/students/1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"success":true,"data":{"id":1,"name":"Ada"}}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RouteWithoutRules_PassesSuccessFalseUntouched()
    {
        using var response = await _gateway.Client.GetAsync("/plain/api/students/12");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Student not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SuccessFalseWithLeakyMessage_GetsGenericMessage()
    {
        using var response = await _gateway.Client.GetAsync("/pd/api/leaky-false");

        var json = await Payload.ReadProblemAsync(response, 404);
        Assert.Equal("The requested resource was not found.", json.GetProperty("detail").GetString());
        Assert.DoesNotContain("Repo", json.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GzipSuccessBody_IsDecodedForRules()
    {
        using var response = await _gateway.Client.GetAsync("/pd/api/gzip-false");

        var json = await Payload.ReadProblemAsync(response, 404);
        Assert.Equal("Student not found", json.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("iso-8859-1")]
    [InlineData("utf-16")]
    public async Task SuccessFalseInDeclaredCharset_IsMatched_MessageReadInThatCharset(string charset)
    {
        using var response = await _gateway.Client.GetAsync($"/pd/api/charset-false/{charset}");

        var json = await Payload.ReadProblemAsync(response, 404);
        Assert.Equal("L'élève 12 est introuvable.", json.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/pd/api/big")]
    [InlineData("/pd/api/chunked-big")]
    public async Task SuccessBodyOverTheBound_StreamsUnchanged(string path)
    {
        using var response = await _gateway.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(s_bigOk, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ValidationList400_Becomes422_WithReadableMessage()
    {
        using var response = await _gateway.Client.GetAsync("/pd/api/validation");

        var json = await Payload.ReadProblemAsync(response, 422);
        Assert.Contains("Grade must be between 1 and 12.", json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DebugFields_AreDroppedFromSuccessBodies_RestKept()
    {
        using var response = await _gateway.Client.GetAsync("/api/debug");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"id":1,"name":"Ada"}""", body);
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task DebugFields_AreDroppedFromUtf16Json_RestSentAsUtf8()
    {
        using var response = await _gateway.Client.GetAsync("/api/debug-utf16");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("""{"id":1,"name":"Élève"}""", Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()));
    }

    // PHP echoes its JSON under text/html, debug fields and all; the rules already read such bodies.
    [Fact]
    public async Task DebugFields_AreDroppedFromJsonSentAsTextHtml_TextIsNotTouched()
    {
        using var response = await _gateway.Client.GetAsync("/api/php-debug");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"id":1,"name":"Ada"}""", body);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);

        using var text = await _gateway.Client.GetAsync("/api/php-text");
        Assert.Equal(HttpStatusCode.OK, text.StatusCode);
        Assert.Equal("[[[ not JSON, \"debug\": left as it is", await text.Content.ReadAsStringAsync());
    }

    // Ed-Fi's 201 carries no body, but the rules read it first: the legacy failure stays a failure, not "201 Created".
    [Fact]
    public async Task Post200WithLocationAndAnErrorInside_IsTheRulesStatus_NotA201()
    {
        using var edfi = await _gateway.Client.PostAsync("/api/enrollments", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.NotFound, edfi.StatusCode);
        Assert.Null(edfi.Headers.Location);

        using var pd = await _gateway.Client.PostAsync("/pd/api/enrollments", new StringContent("{}"));
        var json = await Payload.ReadProblemAsync(pd, 404);
        Assert.Equal("Section 7 is full.", json.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Post200WithLocation_Becomes201_EdFiWithoutBody_ProblemDetailsWithBody()
    {
        using var edfi = await _gateway.Client.PostAsync("/api/students", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.Created, edfi.StatusCode);
        Assert.Empty(await edfi.Content.ReadAsByteArrayAsync());
        Assert.Equal("/api/students/4", edfi.Headers.Location?.ToString());

        using var pd = await _gateway.Client.PostAsync("/pd/api/students", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.Created, pd.StatusCode);
        Assert.Equal(4, JsonDocument.Parse(await pd.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32());
        Assert.Equal("/pd/api/students/4", pd.Headers.Location?.ToString());
    }

    [Fact]
    public async Task EmptyOk_Becomes204()
    {
        using var response = await _gateway.Client.DeleteAsync("/api/students/3");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    // An empty 200 is empty however it is framed: chunked (or ended by close) as well as Content-Length: 0.
    [Theory]
    [InlineData("/api/chunked-empty")]
    [InlineData("/conform/api/chunked-empty")]
    public async Task EmptyChunkedOk_Becomes204(string path)
    {
        using var response = await _gateway.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Null(response.Content.Headers.ContentType);
    }

    [Theory]
    [InlineData("/conform/api/chunked-data")]
    [InlineData("/plain/api/chunked-empty")]
    public async Task ChunkedOkWithData_OrWithoutConformance_StaysA200WithItsBody(string path)
    {
        using var response = await _gateway.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(path.Contains("data", StringComparison.Ordinal) ? """{"id":1,"name":"Ada"}""" : "", await response.Content.ReadAsStringAsync());
    }
}
