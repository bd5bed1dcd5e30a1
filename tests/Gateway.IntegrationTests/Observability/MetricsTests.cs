using System.Net;
using System.Net.Sockets;
using System.Text;
using Gateway.IntegrationTests.Infrastructure;
using Gateway.Observability.Admin;
using Gateway.Transforms.Errors;
using Gateway.Transforms.Scrubbing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests.Observability;

/// <summary>Scrapes the admin port's /metrics and checks each kind of event moves its counter, and only its own.</summary>
[Collection(ObservabilityTestGroup.Name)]
public sealed class MetricsTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string StackAndConnectionString = """
        java.sql.SQLException: Cannot open database "Students" requested by the login.
        	at com.acme.students.StudentRepository.find(StudentRepository.java:51)
        	at com.acme.students.StudentController.get(StudentController.java:41)
        connection: Server=db01.acme.internal;Database=Students;User Id=app;Password=Winter2024!;
        """;

    private FakeLegacyUpstream _upstream = null!;
    private GatewayHost _gateway = null!;
    private string _metricsUrl = null!;

    public async Task InitializeAsync()
    {
        _upstream = await FakeLegacyUpstream.StartAsync(app =>
        {
            app.MapGet("/api/ok", () => Results.Text("fine"));
            app.MapGet("/api/leaky", () => Bodies.Raw(500, "text/plain", StackAndConnectionString));
            app.MapGet("/api/teapot", () => Bodies.Raw(418, "application/json", """{"message":"I am a teapot."}"""));
            app.MapGet("/api/slow", async (HttpContext c) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(20), c.RequestAborted);
                return "late";
            });
            app.MapPost("/checked/items", () => Results.Text("stored"));
        });
        _gateway = await GatewayHost.StartAsync(ObservabilityConfigs.Render(ObservabilityConfigs.WithAdmin, $"http://127.0.0.1:{ClosedPort()}"), _upstream.Address, output);
        var adminAddress = _gateway.Services.GetRequiredService<AdminServer>().Addresses.Single();
        _metricsUrl = adminAddress + "/metrics";
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task Passthrough_CountsRequestByRouteClusterStatus_ProducesNothing()
    {
        using var response = await _gateway.Client.GetAsync("/api/ok");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var scrape = await WaitForAsync("gateway_request_duration_seconds_count", 1, ("route", "obs-api"), ("cluster", "obs-legacy"), ("status_code", "200"));
        Assert.True(scrape.Value("gateway_request_duration_seconds_sum", ("route", "obs-api")) > 0);
        Assert.Equal(0, scrape.Value("gateway_responses_produced_total"));
        Assert.Equal(0, scrape.Value("gateway_errors_normalized_total"));
        // ASP.NET Core's and HttpClient's own metrics are exported beside the gateway's.
        Assert.True(scrape.Has("http_server_request_duration_seconds_count"));
        Assert.True(scrape.Has("http_client_request_duration_seconds_count"));
    }

    [Fact]
    public async Task LeakyUpstreamError_CountsNormalizedErrorAndEachLeakKind()
    {
        var expectedKinds = LeakScanner.Scan(StackAndConnectionString);
        Assert.True(expectedKinds.HasFlag(LeakKinds.StackTrace) && expectedKinds.HasFlag(LeakKinds.ConnectionString));

        using var response = await _gateway.Client.GetAsync("/api/leaky");
        await Payload.ReadEdFiAsync(response, 500);

        // Leaks are recorded after the normalized error: wait for the last of them.
        var kindCount = Enum.GetValues<LeakKinds>().Count(k => k != LeakKinds.None && expectedKinds.HasFlag(k));
        var scrape = await WaitForAsync("gateway_leaks_removed_total", kindCount, ("route", "obs-api"));
        Assert.Equal(1, scrape.Value("gateway_errors_normalized_total", ("route", "obs-api"), ("status_code", "500")));
        Assert.Equal(1, scrape.Value("gateway_leaks_removed_total", ("route", "obs-api"), ("kind", "stack_trace")));
        Assert.Equal(1, scrape.Value("gateway_leaks_removed_total", ("route", "obs-api"), ("kind", "connection_string")));
        Assert.Equal(0, scrape.Value("gateway_statuses_remapped_total"));
    }

    [Fact]
    public async Task StatusOutsideProfile_CountsRemapWithBothStatuses()
    {
        using var response = await _gateway.Client.GetAsync("/api/teapot");
        await Payload.ReadEdFiAsync(response, 400);

        var scrape = await WaitForAsync("gateway_statuses_remapped_total", 1, ("route", "obs-api"), ("upstream_status_code", "418"), ("status_code", "400"));
        Assert.Equal(1, scrape.Value("gateway_errors_normalized_total", ("route", "obs-api"), ("status_code", "400")));
        Assert.Equal(0, scrape.Value("gateway_leaks_removed_total"));
    }

    [Fact]
    public async Task NoRoute_CountsGatewayProduced404()
    {
        using var response = await _gateway.Client.GetAsync("/nowhere/at/all");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);

        var scrape = await WaitForAsync("gateway_responses_produced_total", 1, ("route", "(none)"), ("status_code", "404"));
        Assert.Equal(1, scrape.Value("gateway_request_duration_seconds_count", ("route", "(none)"), ("cluster", "(none)"), ("status_code", "404")));
    }

    [Fact]
    public async Task UpstreamRefused_CountsFailureByKindAndProducedStatus()
    {
        using var response = await _gateway.Client.GetAsync("/dead/students");
        await Payload.ReadEdFiAsync(response, 500);

        var scrape = await WaitForAsync("gateway_upstream_failures_total", 1, ("route", "obs-dead"), ("cluster", "obs-dead"), ("kind", "Request"));
        Assert.Equal(1, scrape.Value("gateway_responses_produced_total", ("route", "obs-dead"), ("status_code", "500")));
    }

    [Fact]
    public async Task UpstreamTooSlow_CountsTimeout()
    {
        using var response = await _gateway.Client.GetAsync("/api/slow");
        await Payload.ReadEdFiAsync(response, 500);

        await WaitForAsync("gateway_upstream_failures_total", 1, ("route", "obs-api"), ("kind", "Timeout"));
    }

    [Fact]
    public async Task MalformedJsonBody_CountsProduced400_UpstreamNeverCalled()
    {
        using var response = await _gateway.Client.PostAsync("/checked/items", new StringContent("{\"a\":", Encoding.UTF8, "application/json"));
        await Payload.ReadEdFiAsync(response, 400);

        await WaitForAsync("gateway_responses_produced_total", 1, ("route", "obs-checked"), ("status_code", "400"));
        Assert.Empty(_upstream.Requests);
    }

    [Fact]
    public async Task AuthRefusals_CountProduced401And403OnTheirRoute_UpstreamNeverCalled()
    {
        using (var anonymous = await _gateway.Client.GetAsync("/secure/items"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        using (var request = new HttpRequestMessage(HttpMethod.Get, "/secure/items"))
        {
            request.Headers.Add("X-API-Key", ObservabilityConfigs.ReaderKey);
            using var reader = await _gateway.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Forbidden, reader.StatusCode);
        }

        var scrape = await WaitForAsync("gateway_responses_produced_total", 1, ("route", "obs-secure"), ("status_code", "401"), ("reason", "auth"));
        await WaitForAsync("gateway_responses_produced_total", 1, ("route", "obs-secure"), ("status_code", "403"), ("reason", "auth"));
        Assert.Equal(1, scrape.Value("gateway_request_duration_seconds_count", ("route", "obs-secure"), ("cluster", "obs-legacy"), ("status_code", "401")));
        Assert.Empty(_upstream.Requests);
    }

    [Fact]
    public async Task ConditionalRequests_CountProduced304And412WithReason()
    {
        string etag;
        using (var first = await _gateway.Client.GetAsync("/v2/api/ok"))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            etag = first.Headers.ETag!.ToString();
        }

        using (var request = new HttpRequestMessage(HttpMethod.Get, "/v2/api/ok"))
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
            using var notModified = await _gateway.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        }

        using (var request = new HttpRequestMessage(HttpMethod.Put, "/v2/api/ok") { Content = new StringContent("{}", Encoding.UTF8, "application/json") })
        {
            request.Headers.TryAddWithoutValidation("If-Match", "\"stale\"");
            using var failed = await _gateway.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.PreconditionFailed, failed.StatusCode);
        }

        var scrape = await WaitForAsync("gateway_responses_produced_total", 1, ("route", "obs-v2"), ("status_code", "304"), ("reason", "precondition"));
        await WaitForAsync("gateway_responses_produced_total", 1, ("route", "obs-v2"), ("status_code", "412"), ("reason", "precondition"));
        Assert.Equal(1, scrape.Value("gateway_request_duration_seconds_count", ("route", "obs-v2"), ("status_code", "200")));
        Assert.DoesNotContain(_upstream.Requests, r => r.Method == "PUT");
    }

    [Fact]
    public async Task QuotaUsedUp_CountsProduced429WithReason()
    {
        for (var i = 0; i < 2; i++)
        {
            using var allowed = await _gateway.Client.GetAsync("/limited/ok");
            Assert.NotEqual(HttpStatusCode.TooManyRequests, allowed.StatusCode);
        }

        using var refused = await _gateway.Client.GetAsync("/limited/ok");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);

        await WaitForAsync("gateway_responses_produced_total", 1, ("route", "obs-limited"), ("status_code", "429"), ("reason", "rate_limit"));
        await WaitForAsync("gateway_request_duration_seconds_count", 3, ("route", "obs-limited"));
        Assert.Equal(2, _upstream.Requests.Count);
    }

    [Fact]
    public async Task RedisAway_StoreReportedUnavailable_FailOpenDecisionsCounted()
    {
        using var response = await _gateway.Client.GetAsync("/shared/ok");
        Assert.NotEqual(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Single(_upstream.Requests);

        var scrape = await WaitForAsync("gateway_ratelimit_store_events_total", 1, ("store", "redis"), ("event", "fail_open"));
        Assert.Equal(0, scrape.Value("gateway_ratelimit_store_available", ("store", "redis")));
        foreach (var name in new[] { "failure", "outage", "fail_closed" })
        {
            Assert.Contains(scrape.Samples, s => s.Name == "gateway_ratelimit_store_events_total" && s.Labels["event"] == name);
        }

        Assert.Equal(0, scrape.Value("gateway_ratelimit_store_events_total", ("event", "fail_closed")));
    }

    [Fact]
    public async Task ConfigReloads_CountAppliedAndRefused_GenerationAndLastResultFollow()
    {
        var start = await PrometheusScrape.ReadAsync(_gateway.Client, _metricsUrl);
        Assert.Equal(1, start.Value("gateway_config_generation"));
        Assert.Equal(1, start.Value("gateway_config_reloads_total", ("result", "applied")));
        Assert.Equal(0, start.Value("gateway_config_reloads_total", ("result", "refused")));
        Assert.Equal(1, start.Value("gateway_config_last_reload_success"));

        await _gateway.WriteConfigAsync("{ \"ReverseProxy\": ", _upstream.Address);
        var refused = await WaitForAsync("gateway_config_reloads_total", 1, ("result", "refused"));
        Assert.Equal(0, refused.Value("gateway_config_last_reload_success"));
        Assert.Equal(1, refused.Value("gateway_config_generation"));

        await _gateway.WriteConfigAsync(ObservabilityConfigs.Render(ObservabilityConfigs.WithAdmin, "http://127.0.0.1:1").Replace("obs-checked", "obs-checked2", StringComparison.Ordinal), _upstream.Address);
        var applied = await WaitForAsync("gateway_config_reloads_total", 2, ("result", "applied"));
        Assert.Equal(2, applied.Value("gateway_config_generation"));
        Assert.Equal(1, applied.Value("gateway_config_last_reload_success"));
        Assert.Equal(1, applied.Value("gateway_config_reloads_total", ("result", "refused")));
    }

    // Metrics are recorded when the pipeline unwinds, just after the client has its response: poll, bounded.
    private async Task<PrometheusScrape> WaitForAsync(string name, double expected, params (string, string)[] labels)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var scrape = await PrometheusScrape.ReadAsync(_gateway.Client, _metricsUrl);
            var value = scrape.Value(name, labels);
            if (value >= expected || DateTime.UtcNow > deadline)
            {
                Assert.True(value == expected, $"{name}{{{string.Join(",", labels)}}} = {value}, expected {expected}\n{scrape.Text}");
                return scrape;
            }

            await Task.Delay(50);
        }
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
