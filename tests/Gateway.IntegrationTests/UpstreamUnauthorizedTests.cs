using System.Net;
using Gateway.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests;

/// <summary>A legacy 401 often has no challenge; RFC 9110 §15.5.2 wants one on every 401, so the gateway adds its own.</summary>
public sealed class UpstreamUnauthorizedTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("/api/no-challenge", "Bearer realm=\"gateway\"")]
    [InlineData("/v2/api/no-challenge", "Bearer realm=\"gateway\"")]
    [InlineData("/api/basic", "Basic realm=\"legacy\"")]
    [InlineData("/v2/api/problem", "Bearer realm=\"gateway\"")] // passed through as it conforms: the challenge is still added
    public async Task Upstream401_AlwaysCarriesAChallenge(string path, string challenge)
    {
        await using var upstream = await FakeLegacyUpstream.StartAsync(app =>
        {
            app.MapGet("/api/no-challenge", () => Results.Text("""{"error":"Unauthorized"}""", "application/json", statusCode: 401));
            app.MapGet("/api/basic", (HttpContext c) =>
            {
                c.Response.Headers.WWWAuthenticate = "Basic realm=\"legacy\"";
                return Results.Text("Unauthorized", "text/plain", statusCode: 401);
            });
            app.MapGet("/api/problem", () => Results.Text(
                """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.2","title":"Unauthorized","status":401,"detail":"The session has expired."}""",
                "application/problem+json", statusCode: 401));
        });
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        using var response = await gateway.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(challenge, response.Headers.WwwAuthenticate.ToString());
    }
}
