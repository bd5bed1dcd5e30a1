using System.Net;
using System.Text;
using Gateway.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests;

/// <summary>
/// Upstream errors that look like the standard payload: what passes byte for byte, the near misses that a client's
/// parser would read differently (rewritten, their clean message kept), and the headers of the answers.
/// </summary>
public sealed class ConformingErrorPassThroughTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string EdFiConflict = """{"code":409,"type":"Conflict","message":"Student 12 already exists."}""";

    // Each is read as conforming by a lenient reader; each is a different document, or none, to a strict one.
    private static readonly Dictionary<string, (string ContentType, byte[] Body)> s_nearMisses = new()
    {
        ["trailing-comma"] = ("application/json", Encoding.UTF8.GetBytes("""{"code":409,"type":"Conflict","message":"Student 12 already exists.",}""")),
        ["duplicate-code"] = ("application/json", Encoding.UTF8.GetBytes("""{"code":409,"type":"Conflict","message":"Student 12 already exists.","code":500}""")),
        ["bom"] = ("application/json", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(EdFiConflict)]),
        ["invalid-utf8"] = ("application/json", [.. Encoding.UTF8.GetBytes("""{"code":409,"type":"Conflict","message":"Student 12 already exists.","x":" """), 0xFF, (byte)'"', (byte)'}']),
        ["type-lower-case"] = ("application/json", Encoding.UTF8.GetBytes("""{"code":409,"type":"conflict","message":"Student 12 already exists."}""")),
    };

    private static readonly Dictionary<string, string> s_problemNearMisses = new()
    {
        ["detail-number"] = """{"type":"about:blank","title":"Conflict","status":409,"detail":12}""",
        ["title-empty"] = """{"type":"about:blank","title":"","status":409,"detail":"Student 12 already exists."}""",
        ["duplicate-status"] = """{"type":"about:blank","title":"Conflict","status":409,"detail":"Student 12 already exists.","status":500}""",
        // A debug member whose text the leak scan has no reason to flag is still not the client's.
        ["debug-member"] = """{"type":"about:blank","title":"Conflict","status":409,"detail":"Student 12 already exists.","debug":{"handler":"StudentController@store"}}""",
        // RFC 9457 lets a service title the problem type; the contract wants the reason phrase (behaviour.md §1).
        ["title-names-problem"] = """{"type":"https://sis.example.org/probs/enrolled","title":"Already enrolled","status":409,"detail":"Student 12 already exists.","section":7}""",
        ["no-detail"] = """{"type":"about:blank","title":"Conflict","status":409}""",
    };

    private FakeLegacyUpstream _upstream = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        _upstream = await FakeLegacyUpstream.StartAsync(app =>
        {
            app.MapGet("/api/near/{name}", async (HttpContext c, string name) =>
            {
                var (contentType, body) = s_nearMisses[name];
                c.Response.StatusCode = 409;
                c.Response.ContentType = contentType;
                await c.Response.Body.WriteAsync(body);
            });
            app.MapGet("/api/problem/{name}", (string name) => Bodies.Raw(409, "application/problem+json", s_problemNearMisses[name]));
            app.MapGet("/api/coded/{kind}", async (HttpContext c, string kind) =>
            {
                // "plain": a conforming body under a false gzip label; "gzip": the real thing, whatever the client accepts.
                var body = kind == "gzip" ? Bodies.Gzip(EdFiConflict) : Encoding.UTF8.GetBytes(EdFiConflict);
                c.Response.StatusCode = 409;
                c.Response.ContentType = "application/json";
                c.Response.Headers.ContentEncoding = "gzip";
                c.Response.Headers.ETag = "\"coded\"";
                await c.Response.Body.WriteAsync(body);
            });
            app.MapGet("/api/secured-crash", (HttpContext c) =>
            {
                c.Response.Headers.StrictTransportSecurity = "max-age=31536000";
                c.Response.Headers.XContentTypeOptions = "nosniff";
                c.Response.Headers.XFrameOptions = "DENY";
                c.Response.Headers["Referrer-Policy"] = "no-referrer";
                c.Response.Headers["X-Custom-Flag"] = "1";
                return Bodies.Raw(500, "text/plain", "java.lang.NullPointerException\n\tat sis.Api.get(Api.java:12)");
            });
            app.MapGet("/api/method", (HttpContext c) =>
            {
                c.Response.Headers.Allow = "GET, HEAD";
                return Bodies.Raw(405, "text/plain", "Method Not Allowed");
            });
        });
        _gateway = await GatewayHost.StartAsync(TestConfigs.Standard, _upstream.Address, output);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Theory]
    [InlineData("trailing-comma")]
    [InlineData("duplicate-code")]
    [InlineData("bom")]
    [InlineData("invalid-utf8")]
    [InlineData("type-lower-case")]
    public async Task EdFiNearMiss_IsRewritten_KeepsItsMessage(string name)
    {
        using var response = await _gateway.Client.GetAsync($"/api/near/{name}");

        var json = await Payload.ReadEdFiAsync(response, 409);
        Assert.Equal("Conflict", json.GetProperty("type").GetString());
        Assert.Equal("Student 12 already exists.", json.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("detail-number")]
    [InlineData("title-empty")]
    [InlineData("duplicate-status")]
    [InlineData("debug-member")]
    [InlineData("title-names-problem")]
    [InlineData("no-detail")]
    public async Task ProblemNearMiss_IsRewritten(string name)
    {
        using var response = await _gateway.Client.GetAsync($"/v2/api/problem/{name}");

        var json = await Payload.ReadProblemAsync(response, 409);
        Assert.Equal("Conflict", json.GetProperty("title").GetString());
        Assert.False(json.TryGetProperty("debug", out _));
        Assert.False(json.TryGetProperty("section", out _));
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("detail").GetString()));
    }

    // The body conforms, the coding label does not matter to it: the client gets the identity bytes, never a gzip
    // label on plain text (its decoder fails) nor gzip it may not have asked for.
    [Theory]
    [InlineData("plain")]
    [InlineData("gzip")]
    public async Task ConformingBodyUnderContentCoding_PassesAsIdentityBytes(string kind)
    {
        using var response = await _gateway.Client.GetAsync($"/api/coded/{kind}");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Null(response.Headers.ETag);
        Assert.Equal(EdFiConflict, Encoding.UTF8.GetString(bytes));
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
    }

    // A 405 mapped to 400 still says which methods the resource takes.
    [Fact]
    public async Task MethodNotAllowed_MappedTo400_KeepsAllow()
    {
        using var edFi = await _gateway.Client.GetAsync("/api/method");
        await Payload.ReadEdFiAsync(edFi, 400);
        Assert.Equal("GET, HEAD", string.Join(", ", edFi.Content.Headers.Allow));

        using var problem = await _gateway.Client.GetAsync("/v2/api/method");
        await Payload.ReadProblemAsync(problem, 400);
        Assert.Equal("GET, HEAD", string.Join(", ", problem.Content.Headers.Allow));
    }

    // The site's security policy holds for its errors: the rewrite drops the upstream's other headers, not these.
    [Fact]
    public async Task RewrittenError_KeepsTheSecurityPolicyHeaders_DropsTheRest()
    {
        using var response = await _gateway.Client.GetAsync("/api/secured-crash");

        await Payload.ReadEdFiAsync(response, 500);
        Assert.Equal("max-age=31536000", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.False(response.Headers.Contains("X-Custom-Flag"));
    }
}
