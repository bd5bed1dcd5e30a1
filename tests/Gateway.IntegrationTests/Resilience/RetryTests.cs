using System.Net;
using System.Text;
using Gateway.Configuration;
using Gateway.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests.Resilience;

/// <summary>
/// Retries (<c>Gateway:Clusters:&lt;id&gt;:Retries</c>): idempotent bodiless requests only, only before a byte went
/// to the client, another destination preferred; counted in the completion line; validated; off by default.
/// </summary>
public sealed class RetryTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string DefaultRetries = """{ "MaxRetries": 1, "BackoffMilliseconds": 0 }""";
    private int _calls;
    private FakeLegacyUpstream _upstream = null!;

    public async Task InitializeAsync() => _upstream = await FakeLegacyUpstream.StartAsync(app =>
    {
        app.MapGet("/api/ping", () => Results.Text("pong"));
        app.MapMethods("/api/ping", ["PUT", "DELETE", "POST", "PATCH"], () => Results.Text("pong"));
        app.MapGet("/api/flaky", () => Interlocked.Increment(ref _calls) == 1 ? Results.StatusCode(503) : Results.Text("ok"));
        app.MapGet("/api/slow-once", async () =>
        {
            if (Interlocked.Increment(ref _calls) == 1)
            {
                await Task.Delay(TimeSpan.FromSeconds(5));
            }

            return Results.Text("ok");
        });
        app.MapMethods("/api/down", ["GET", "POST", "PATCH", "PUT", "DELETE"], () =>
        {
            Interlocked.Increment(ref _calls);
            return Results.Text("<html>Service Unavailable at C:\\inetpub\\app</html>", "text/html", statusCode: 503);
        });
        app.MapGet("/api/half", async (HttpContext context) =>
        {
            Interlocked.Increment(ref _calls);
            context.Response.ContentLength = 1000;
            await context.Response.WriteAsync("partial");
            await context.Response.Body.FlushAsync();
            // Long enough for the gateway to pass the 200 and the first bytes on; then the connection dies.
            await Task.Delay(500);
            context.Abort();
        });
    });

    public async Task DisposeAsync() => await _upstream.DisposeAsync();

    [Theory]
    [InlineData("ConnectFailure")]
    [InlineData("Reset")]
    public async Task OneDestinationFails_EveryGetSucceeds_OnTheOther(string failure)
    {
        using var reset = failure == "Reset" ? RawTcpUpstream.ResetBeforeHeaders() : null;
        var bad = reset?.Address ?? ResilienceConfigs.DeadAddress();
        await using var gateway = await GatewayHost.StartAsync(
            ResilienceConfigs.TwoDestinations(bad, _upstream.Address, ResilienceConfigs.Retries(DefaultRetries)), _upstream.Address, output);

        for (var i = 0; i < 10; i++)
        {
            using var response = await gateway.Client.GetAsync("/api/ping");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("pong", await response.Content.ReadAsStringAsync());
        }

        // Round robin sent first attempts to the bad destination too; each was retried once, on the good one.
        var retries = gateway.Logs.Lines.Count(l => l.EventName == "Retrying" && l.Message.Contains(failure, StringComparison.Ordinal));
        Assert.InRange(retries, 1, 10);
        output.WriteLine($"retry {failure}: 10 of 10 GETs answered 200 with {retries} retries");
        await GatewayHost.EventuallyAsync(() => gateway.Logs.Lines.Count(l => l.EventName == "RequestCompleted") == 10, "ten completion lines");
        Assert.Equal(retries, gateway.Logs.Lines.Count(l => l.EventName == "RequestCompleted" && l.Message.Contains("Retried", StringComparison.Ordinal)));
        Assert.Equal(10, _upstream.Requests.Count);
    }

    [Fact]
    public async Task NoRetriesConfigured_FailedAttemptIsAnswered_NotRetried()
    {
        var dead = ResilienceConfigs.DeadAddress();
        await using var gateway = await GatewayHost.StartAsync(ResilienceConfigs.TwoDestinations(dead, _upstream.Address), _upstream.Address, output);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await gateway.Client.GetAsync("/api/ping");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(2, statuses.Count(s => s == HttpStatusCode.InternalServerError));
        Assert.DoesNotContain(gateway.Logs.Lines, l => l.EventName == "Retrying");
    }

    [Fact]
    public async Task RetryableStatus_DiscardedAndRetried_ClientSeesOnlyTheSuccess()
    {
        await using var gateway = await GatewayHost.StartAsync(
            ResilienceConfigs.OneDestination("{UPSTREAM}", ResilienceConfigs.Retries(DefaultRetries)), _upstream.Address, output);

        using var response = await gateway.Client.GetAsync("/api/flaky");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
        Assert.Equal(2, _calls);
        // The completion line is written after the response: the client may read the body before it exists.
        await GatewayHost.EventuallyAsync(() => gateway.Logs.Lines.Any(l => l.EventName == "RequestCompleted"), "completion line");
        var line = gateway.Logs.Lines.Single(l => l.EventName == "RequestCompleted");
        Assert.Contains("upstream=200", line.Message, StringComparison.Ordinal);
        Assert.Contains("Retried", line.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"Timeout\"", 200)]
    [InlineData("\"ConnectFailure\", \"Reset\"", 500)]
    public async Task ClusterActivityTimeout_RetriedOnlyWhenListed(string on, int expected)
    {
        await using var gateway = await GatewayHost.StartAsync(
            ResilienceConfigs.OneDestination(
                "{UPSTREAM}",
                ResilienceConfigs.Retries($$"""{ "MaxRetries": 1, "BackoffMilliseconds": 0, "On": [ {{on}} ] }"""),
                clusterExtras: "\"HttpRequest\": { \"ActivityTimeout\": \"00:00:00.500\" },"),
            _upstream.Address, output);

        using var response = await gateway.Client.GetAsync("/api/slow-once");

        Assert.Equal(expected, (int)response.StatusCode);
        Assert.Equal(expected == 200 ? 2 : 1, _calls);
    }

    [Theory]
    [InlineData("/api/down", 500, false)]
    [InlineData("/v2/api/down", 503, true)]
    public async Task RetriesExhausted_LastAnswerNormalized(string path, int expected, bool problemDetails)
    {
        await using var gateway = await GatewayHost.StartAsync(
            ResilienceConfigs.OneDestination("{UPSTREAM}", ResilienceConfigs.Retries("""{ "MaxRetries": 2, "BackoffMilliseconds": 5 }""")), _upstream.Address, output);

        using var response = await gateway.Client.GetAsync(path);

        var json = problemDetails ? await Payload.ReadProblemAsync(response, expected) : await Payload.ReadEdFiAsync(response, expected);
        Assert.DoesNotContain("inetpub", json.ToString(), StringComparison.Ordinal);
        Assert.Equal(3, _calls);
    }

    [Theory]
    [InlineData("POST", null)]
    [InlineData("PATCH", null)]
    [InlineData("PUT", "{\"grade\":10}")]
    [InlineData("DELETE", "x")]
    public async Task NonIdempotentOrWithBody_NeverRetried(string method, string? body)
    {
        await using var gateway = await GatewayHost.StartAsync(
            ResilienceConfigs.OneDestination("{UPSTREAM}", ResilienceConfigs.Retries("""{ "MaxRetries": 3, "BackoffMilliseconds": 0, "Methods": [ "GET", "PUT", "DELETE" ] }""")),
            _upstream.Address, output);

        using var request = new HttpRequestMessage(new HttpMethod(method), "/api/down");
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await gateway.Client.SendAsync(request);

        await Payload.ReadEdFiAsync(response, 500);
        Assert.Equal(1, _calls);
    }

    [Fact]
    public async Task BodilessPut_ListedMethod_IsRetried()
    {
        await using var gateway = await GatewayHost.StartAsync(
            ResilienceConfigs.OneDestination("{UPSTREAM}", ResilienceConfigs.Retries("""{ "MaxRetries": 2, "BackoffMilliseconds": 0, "Methods": [ "PUT" ] }""")),
            _upstream.Address, output);

        using var response = await gateway.Client.PutAsync("/api/down", null);

        await Payload.ReadEdFiAsync(response, 500);
        Assert.Equal(3, _calls);
    }

    [Fact]
    public async Task BytesAlreadySent_NotRetried()
    {
        await using var gateway = await GatewayHost.StartAsync(
            ResilienceConfigs.OneDestination("{UPSTREAM}", ResilienceConfigs.Retries("""{ "MaxRetries": 3, "BackoffMilliseconds": 0, "On": [ "Reset", "ConnectFailure", "Status500" ] }""")),
            _upstream.Address, output);

        try
        {
            using var response = await gateway.Client.GetAsync("/api/half");
            await response.Content.ReadAsByteArrayAsync();
        }
        catch (HttpRequestException)
        {
            // The 200 had started; the gateway can only cut the connection.
        }

        await GatewayHost.EventuallyAsync(() => gateway.Logs.Lines.Any(l => l.EventName == "RequestCompleted"), "the completion line");
        Assert.Contains(gateway.Logs.Lines, l => l.EventName == "ForwardFailed" && l.Message.Contains("ResponseBody", StringComparison.Ordinal));
        Assert.Equal(1, _calls);
        Assert.DoesNotContain(gateway.Logs.Lines, l => l.EventName == "Retrying");
    }

    [Fact]
    public async Task RetriesTurnedOnByHotReload_ApplyToTheNextRequest()
    {
        await using var gateway = await GatewayHost.StartAsync(ResilienceConfigs.OneDestination("{UPSTREAM}"), _upstream.Address, output);
        using (var before = await gateway.Client.GetAsync("/api/down"))
        {
            await Payload.ReadEdFiAsync(before, 500);
        }

        Assert.Equal(1, _calls);
        await gateway.WriteConfigAsync(ResilienceConfigs.OneDestination("{UPSTREAM}", ResilienceConfigs.Retries("""{ "MaxRetries": 2, "BackoffMilliseconds": 0 }""")), _upstream.Address);
        await GatewayHost.EventuallyAsync(() => gateway.Store.Current.Generation == 2, "generation 2");

        using var after = await gateway.Client.GetAsync("/api/down");

        await Payload.ReadEdFiAsync(after, 500);
        Assert.Equal(4, _calls);
    }

    [Theory]
    [InlineData("""{ "MaxRetries": 0 }""", "Gateway:Clusters:legacy:Retries:MaxRetries")]
    [InlineData("""{ "MaxRetries": 6 }""", "Gateway:Clusters:legacy:Retries:MaxRetries")]
    [InlineData("""{ "BackoffMilliseconds": -1 }""", "Gateway:Clusters:legacy:Retries:BackoffMilliseconds")]
    [InlineData("""{ "Methods": [ "GET", "POST" ] }""", "Gateway:Clusters:legacy:Retries:Methods:1")]
    [InlineData("""{ "Methods": [ "PATCH" ] }""", "Gateway:Clusters:legacy:Retries:Methods:0")]
    [InlineData("""{ "On": [ "Status404" ] }""", "Gateway:Clusters:legacy:Retries:On:0")]
    [InlineData("""{ "On": [ "Reset", "Sometimes" ] }""", "Gateway:Clusters:legacy:Retries:On:1")]
    [InlineData("""{ "On": [ "3" ] }""", "Gateway:Clusters:legacy:Retries:On:0")]
    [InlineData("""{ "Attempts": 2 }""", "Gateway:Clusters:legacy:Retries:Attempts")]
    public async Task BadRetrySettings_RefusedWithTheirPath(string retries, string expectedPath)
    {
        await using var gateway = await GatewayHost.StartAsync(ResilienceConfigs.OneDestination("{UPSTREAM}"), _upstream.Address, output);
        var loader = gateway.Services.GetRequiredService<ConfigLoader>();
        var text = ResilienceConfigs.OneDestination(_upstream.Address, ResilienceConfigs.Retries(retries));

        var result = await loader.LoadAsync(Encoding.UTF8.GetBytes(text), 2, CancellationToken.None);

        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.Path == expectedPath);
    }

    [Fact]
    public async Task GoodRetrySettings_Accepted()
    {
        await using var gateway = await GatewayHost.StartAsync(ResilienceConfigs.OneDestination("{UPSTREAM}"), _upstream.Address, output);
        var loader = gateway.Services.GetRequiredService<ConfigLoader>();
        var text = ResilienceConfigs.OneDestination(_upstream.Address, ResilienceConfigs.Retries(
            """{ "MaxRetries": 5, "BackoffMilliseconds": 10000, "Methods": [ "get", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE" ], "On": [ "connectfailure", "Reset", "Timeout", "Status500", "Status599" ] }"""));

        var result = await loader.LoadAsync(Encoding.UTF8.GetBytes(text), 2, CancellationToken.None);

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        var policy = result.Snapshot!.Retries["legacy"];
        Assert.Equal(5, policy.MaxRetries);
        Assert.True(policy.RetriesMethod("GET"));
        Assert.False(policy.RetriesMethod("POST"));
        Assert.True(policy.RetriesStatus(599));
        Assert.False(policy.RetriesStatus(502));
    }
}
