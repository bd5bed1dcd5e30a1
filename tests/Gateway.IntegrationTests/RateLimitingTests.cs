using System.Net;
using Gateway.IntegrationTests.Infrastructure;
using Gateway.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests;

/// <summary>In-memory rate limits: 429 with payload, Retry-After and draft RateLimit headers; partitions; exemptions.</summary>
public sealed class RateLimitingTests(ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    public const string Config = """
    {
      "Gateway": {
        "Routes": { "v2": { "Profile": "ProblemDetails" } },
        "RateLimiting": {
          "Policies": {
            "five": { "Kind": "FixedWindow", "PermitLimit": 5, "Window": "1.00:00:00" },
            "bucket": { "Kind": "TokenBucket", "TokenLimit": 3, "TokensPerPeriod": 1, "ReplenishmentPeriod": "01:00:00" },
            "sliding": { "Kind": "SlidingWindow", "PermitLimit": 4, "Window": "06:00:00", "SegmentsPerWindow": 6 },
            "pair": { "Kind": "Concurrency", "PermitLimit": 2 }
          }
        }
      },
      "ReverseProxy": {
        "Routes": {
          "api": { "ClusterId": "legacy", "Match": { "Path": "/api/{**rest}" }, "RateLimiterPolicy": "five" },
          "v2": { "ClusterId": "legacy", "Match": { "Path": "/v2/api/{**rest}" }, "RateLimiterPolicy": "five",
                  "Transforms": [ { "PathRemovePrefix": "/v2" } ] },
          "bucket": { "ClusterId": "legacy", "Match": { "Path": "/bucket/{**rest}" }, "RateLimiterPolicy": "bucket",
                      "Transforms": [ { "PathRemovePrefix": "/bucket" } ] },
          "sliding": { "ClusterId": "legacy", "Match": { "Path": "/sliding/{**rest}" }, "RateLimiterPolicy": "sliding",
                       "Transforms": [ { "PathRemovePrefix": "/sliding" } ] },
          "pair": { "ClusterId": "legacy", "Match": { "Path": "/pair/{**rest}" }, "RateLimiterPolicy": "pair",
                    "Transforms": [ { "PathRemovePrefix": "/pair" } ] },
          "free": { "ClusterId": "legacy", "Match": { "Path": "/free/{**rest}" }, "Transforms": [ { "PathRemovePrefix": "/free" } ] }
        },
        "Clusters": { "legacy": { "Destinations": { "d1": { "Address": "{UPSTREAM}" } } } }
      }
    }
    """;

    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));
    private FakeLegacyUpstream _upstream = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        _upstream = await FakeLegacyUpstream.StartAsync(app =>
        {
            app.MapGet("/api/ping", () => Results.Text("pong"));
            app.MapGet("/api/boom", () => Results.Text("<html>java.lang.NullPointerException</html>", "text/html", statusCode: 500));
            app.MapGet("/api/hold", async () =>
            {
                await _release.Task;
                return Results.Text("released");
            });
        });
        _gateway = await GatewayHost.StartAsync(Config, _upstream.Address, output);
    }

    public async Task DisposeAsync()
    {
        _release.TrySetResult();
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    public void Dispose() => _timeout.Dispose();

    [Fact]
    public async Task FixedWindow_SixthRequest_Gets429WithPayloadRetryAfterAndHeaders_UpstreamSawFive()
    {
        for (var i = 0; i < 5; i++)
        {
            using var ok = await _gateway.Client.GetAsync("/api/ping", _timeout.Token);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var refused = await _gateway.Client.GetAsync("/api/ping", _timeout.Token);

        var json = await Payload.ReadEdFiAsync(refused, 429);
        Assert.Contains("Try again in", json.GetProperty("message").GetString(), StringComparison.Ordinal);
        var retryAfter = RateLimitFields.RetryAfterSeconds(refused);
        Assert.InRange(retryAfter, 1, 86400);
        var limit = RateLimitFields.Limit(refused);
        Assert.Equal("five", limit.Name);
        Assert.Equal(0, limit.Number("r"));
        // Retry-After must not point before the end of the effective window (draft §6).
        Assert.True(retryAfter >= limit.Number("t"), $"Retry-After {retryAfter} < t {limit.Number("t")}");
        var policy = RateLimitFields.Policy(refused);
        Assert.Equal(("five", 5, 86400), (policy.Name, policy.Number("q"), policy.Number("w")));
        Assert.Equal(["5", "0"], [Assert.Single(refused.Headers.GetValues("RateLimit-Limit")), Assert.Single(refused.Headers.GetValues("RateLimit-Remaining"))]);
        Assert.Equal(5, _upstream.Requests.Count);
        Assert.Equal(1, _gateway.Services.GetRequiredService<RateLimitCounters>().QuotaRefusals);
        // The completion line is written after the response went out.
        await GatewayHost.EventuallyAsync(
            () => _gateway.Logs.Lines.Any(l => l.Message.Contains("status=429", StringComparison.Ordinal) && l.Message.Contains("RateLimited", StringComparison.Ordinal)),
            "the completion log line of the refused request");
    }

    [Fact]
    public async Task ProblemDetailsRoute_Refused_GetsProblemPayload()
    {
        for (var i = 0; i < 5; i++)
        {
            (await _gateway.Client.GetAsync("/v2/api/ping", _timeout.Token)).Dispose();
        }

        using var refused = await _gateway.Client.GetAsync("/v2/api/ping", _timeout.Token);

        var json = await Payload.ReadProblemAsync(refused, 429);
        Assert.Equal("Too Many Requests", json.GetProperty("title").GetString());
        Assert.InRange(RateLimitFields.RetryAfterSeconds(refused), 1, 86400);
    }

    [Fact]
    public async Task SuccessResponses_CarryDraftHeaders_RemainingCountsDown_AlsoOnNormalizedErrors()
    {
        for (var expected = 4; expected >= 1; expected--)
        {
            using var response = await _gateway.Client.GetAsync("/api/ping", _timeout.Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("\"five\";q=5;w=86400", Assert.Single(response.Headers.GetValues("RateLimit-Policy")));
            var limit = RateLimitFields.Limit(response);
            Assert.Equal(expected, limit.Number("r"));
            Assert.InRange(limit.Number("t"), 1, 86400);
            Assert.False(response.Headers.Contains("Retry-After"));
            // The earlier drafts' separate fields (Kong, Envoy), with the same numbers.
            Assert.Equal("5", Assert.Single(response.Headers.GetValues("RateLimit-Limit")));
            Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(response.Headers.GetValues("RateLimit-Remaining")));
            Assert.Equal(limit.Number("t").ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(response.Headers.GetValues("RateLimit-Reset")));
        }

        // The error writer clears headers when it replaces an upstream error; the RateLimit fields still go out.
        using var error = await _gateway.Client.GetAsync("/api/boom", _timeout.Token);
        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal(0, RateLimitFields.Limit(error).Number("r"));
    }

    [Fact]
    public async Task RouteWithoutPolicy_NeverLimited_NoHeaders()
    {
        for (var i = 0; i < 20; i++)
        {
            using var response = await _gateway.Client.GetAsync("/free/api/ping", _timeout.Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(RateLimitFields.Present(response));
        }
    }

    [Fact]
    public async Task TokenBucket_ThreeTokens_FourthRefusedUntilNextToken()
    {
        for (var expected = 2; expected >= 0; expected--)
        {
            using var ok = await _gateway.Client.GetAsync("/bucket/api/ping", _timeout.Token);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Equal(expected, RateLimitFields.Limit(ok).Number("r"));
        }

        using var refused = await _gateway.Client.GetAsync("/bucket/api/ping", _timeout.Token);

        await Payload.ReadEdFiAsync(refused, 429);
        // One token an hour: the next one is due within the hour, and the bucket refills fully in three.
        Assert.InRange(RateLimitFields.RetryAfterSeconds(refused), 3500, 3600);
        Assert.Equal("\"bucket\";q=3;w=10800", Assert.Single(refused.Headers.GetValues("RateLimit-Policy")));
        Assert.Equal(3, _upstream.Requests.Count);
    }

    [Fact]
    public async Task SlidingWindow_FourPerMinute_FifthRefused()
    {
        for (var i = 0; i < 4; i++)
        {
            using var ok = await _gateway.Client.GetAsync("/sliding/api/ping", _timeout.Token);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var refused = await _gateway.Client.GetAsync("/sliding/api/ping", _timeout.Token);

        await Payload.ReadEdFiAsync(refused, 429);
        // The hour-long segment holding the first request leaves the six-hour window in five to six hours.
        Assert.InRange(RateLimitFields.RetryAfterSeconds(refused), (5 * 3600) - 120, 6 * 3600);
        Assert.Equal(4, _upstream.Requests.Count);
    }

    [Fact]
    public async Task Concurrency_ThirdInFlightRefused_ReleasedSlotsServeAgain()
    {
        var first = _gateway.Client.GetAsync("/pair/api/hold", _timeout.Token);
        var second = _gateway.Client.GetAsync("/pair/api/hold", _timeout.Token);
        await GatewayHost.EventuallyAsync(() => _upstream.Requests.Count == 2, "two requests held by the upstream");

        using (var refused = await _gateway.Client.GetAsync("/pair/api/hold", _timeout.Token))
        {
            await Payload.ReadEdFiAsync(refused, 429);
            Assert.Equal("\"pair\";q=2;qu=\"concurrent-requests\"", Assert.Single(refused.Headers.GetValues("RateLimit-Policy")));
            var limit = RateLimitFields.Limit(refused);
            Assert.Equal(0, limit.Number("r"));
            Assert.False(limit.Parameters.ContainsKey("t"));
            // No reset time to tell: a slot frees when a request in flight ends, so the client may try again soon.
            Assert.Equal(1, RateLimitFields.RetryAfterSeconds(refused));
        }

        _release.SetResult();
        using (var a = await first)
        using (var b = await second)
        {
            Assert.Equal(HttpStatusCode.OK, a.StatusCode);
            Assert.Equal(HttpStatusCode.OK, b.StatusCode);
        }

        using var again = await _gateway.Client.GetAsync("/pair/api/hold", _timeout.Token);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(1, RateLimitFields.Limit(again).Number("r"));
        Assert.Equal(3, _upstream.Requests.Count);
    }

    [Fact]
    public async Task SpoofedForwardedFor_FromUntrustedPeer_DoesNotChangeTheBucket()
    {
        for (var i = 0; i < 5; i++)
        {
            using var ok = await SendAsync("/api/ping", forwardedFor: $"203.0.113.{i}");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var refused = await SendAsync("/api/ping", forwardedFor: "198.51.100.77");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(5, _upstream.Requests.Count);
    }

    private async Task<HttpResponseMessage> SendAsync(string path, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (forwardedFor is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", forwardedFor);
        }

        return await _gateway.Client.SendAsync(request, _timeout.Token);
    }
}
