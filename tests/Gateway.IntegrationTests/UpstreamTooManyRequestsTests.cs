using System.Net;
using Gateway.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests;

/// <summary>
/// Behaviour.md §3 gives every 429 a <c>Retry-After</c>. Legacy backends throttle without one, or with <c>0</c>; the
/// client gets a usable delay-seconds either way, and the upstream's own when it is usable.
/// </summary>
public sealed class UpstreamTooManyRequestsTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("/api/none", "1")]
    [InlineData("/v2/api/none", "1")]
    [InlineData("/api/zero", "1")] // still limited: "retry at once" only meets another 429
    [InlineData("/api/text", "1")]
    [InlineData("/api/thirty", "30")]
    [InlineData("/v2/api/problem", "1")] // passed through as it conforms: the header is still added
    public async Task Upstream429_AlwaysCarriesRetryAfterInSeconds(string path, string retryAfter)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var upstream = await FakeLegacyUpstream.StartAsync(app =>
        {
            app.MapGet("/api/none", () => Results.Text("""{"message":"Quota exceeded"}""", "application/json", statusCode: 429));
            app.MapGet("/api/zero", (HttpContext c) => Throttled(c, "0"));
            app.MapGet("/api/text", (HttpContext c) => Throttled(c, "in a minute"));
            app.MapGet("/api/thirty", (HttpContext c) => Throttled(c, "30"));
            app.MapGet("/api/problem", () => Results.Text(
                """{"type":"https://tools.ietf.org/html/rfc6585#section-4","title":"Too Many Requests","status":429,"detail":"Quota exceeded."}""",
                "application/problem+json", statusCode: 429));
        });
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        using var response = await gateway.Client.GetAsync(path, timeout.Token);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(retryAfter, Assert.Single(response.Headers.GetValues("Retry-After")));
    }

    private static IResult Throttled(HttpContext context, string retryAfter)
    {
        context.Response.Headers.RetryAfter = retryAfter;
        return Results.Text("""{"message":"Quota exceeded"}""", "application/json", statusCode: 429);
    }
}
