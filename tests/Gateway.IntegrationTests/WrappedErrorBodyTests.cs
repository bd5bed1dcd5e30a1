using System.Text;
using Gateway.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests;

/// <summary>
/// Error bodies that hold JSON the client cannot read as such: a JSONP callback, an anti-hijacking prefix, a document
/// serialized twice, a plain body labelled gzip, a form-encoded OAuth error. The client gets the message inside, never
/// the wrapper.
/// </summary>
public sealed class WrappedErrorBodyTests(ITestOutputHelper output) : IAsyncLifetime
{
    private FakeLegacyUpstream _upstream = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        _upstream = await FakeLegacyUpstream.StartAsync(app =>
        {
            app.MapGet("/api/jsonp", () => Bodies.Raw(400, "application/javascript",
                """/**/ typeof jQuery17_1 === 'function' && jQuery17_1({"status":"error","message":"Grade must be between 1 and 12."});"""));
            app.MapGet("/api/xssi", () => Bodies.Raw(409, "application/json",
                ")]}',\n{\"error\":{\"message\":\"The student is already enrolled in this section.\"}}"));
            app.MapGet("/api/twice", () => Bodies.Raw(404, "application/json", "\"{\\\"message\\\":\\\"Student 12 was not found.\\\"}\""));
            app.MapGet("/api/jsonp-trace", () => Bodies.Raw(500, "text/javascript",
                """cb({"message":"Object reference not set to an instance of an object.","stackTrace":"   at Sis.Api.Students.Get(Int32 id) in C:\\build\\Students.cs:line 42"});"""));
            app.MapGet("/api/form", () => Bodies.Raw(400, "application/x-www-form-urlencoded",
                "error=invalid_grant&error_description=The+refresh+token+has+expired."));
            app.MapGet("/api/mislabelled", async (HttpContext c) =>
            {
                var body = Encoding.UTF8.GetBytes("""{"message":"Section 7 was not found."}""");
                c.Response.StatusCode = 404;
                c.Response.ContentType = "application/json";
                c.Response.Headers.ContentEncoding = "gzip";
                c.Response.ContentLength = body.Length;
                await c.Response.Body.WriteAsync(body);
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
    [InlineData("jsonp", 400, "Grade must be between 1 and 12.")]
    [InlineData("xssi", 409, "The student is already enrolled in this section.")]
    [InlineData("twice", 404, "Student 12 was not found.")]
    [InlineData("mislabelled", 404, "Section 7 was not found.")]
    [InlineData("form", 400, "The refresh token has expired.")]
    public async Task WrappedJson_ClientGetsTheMessageInside(string path, int status, string message)
    {
        using var response = await _gateway.Client.GetAsync($"/v2/api/{path}");

        var json = await Payload.ReadProblemAsync(response, status);
        Assert.Equal(message, json.GetProperty("detail").GetString());
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task WrappedJsonWithTrace_EdFi_GenericMessage_NoLeak()
    {
        using var response = await _gateway.Client.GetAsync("/api/jsonp-trace");

        var json = await Payload.ReadEdFiAsync(response, 500);
        Assert.Equal("An unexpected error occurred.", json.GetProperty("message").GetString());
        var text = json.ToString();
        Assert.DoesNotContain("Sis.Api", text, StringComparison.Ordinal);
        Assert.DoesNotContain("cb(", text, StringComparison.Ordinal);
    }
}
