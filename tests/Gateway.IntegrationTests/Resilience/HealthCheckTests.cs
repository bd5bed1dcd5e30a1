using System.Net;
using Gateway.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace Gateway.IntegrationTests.Resilience;

/// <summary>
/// YARP's built-in health checks through the gateway: passive (transport failure rate) takes a dead destination
/// out; with no healthy destination left the client gets the profile's answer with payload; active probes work.
/// </summary>
public sealed class HealthCheckTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Passive = """
        "HealthCheck": {
          "AvailableDestinationsPolicy": "HealthyAndUnknown",
          "Passive": { "Enabled": true, "Policy": "TransportFailureRate", "ReactivationPeriod": "00:05:00" }
        },
        "Metadata": { "TransportFailureRateHealthPolicy.RateLimit": "0.5" },
""";

    private FakeLegacyUpstream _upstream = null!;

    public async Task InitializeAsync() => _upstream = await FakeLegacyUpstream.StartAsync(app =>
    {
        app.MapGet("/api/ping", () => Results.Text("pong"));
        app.MapGet("/health", () => Results.Text("ok"));
    });

    public async Task DisposeAsync() => await _upstream.DisposeAsync();

    [Fact]
    public async Task Passive_DeadDestinationMarkedUnhealthy_ThenAllTrafficGoesToTheGoodOne()
    {
        var dead = ResilienceConfigs.DeadAddress();
        await using var gateway = await GatewayHost.StartAsync(ResilienceConfigs.TwoDestinations(dead, _upstream.Address, clusterExtras: Passive), _upstream.Address, output);

        // YARP's policy judges a destination after 10 requests to it in the window (TransportFailureRate defaults).
        var failures = 0;
        for (var i = 0; i < 100 && PassiveHealth(gateway, "first") != DestinationHealth.Unhealthy; i++)
        {
            using var response = await gateway.Client.GetAsync("/api/ping");
            if (response.StatusCode != HttpStatusCode.OK)
            {
                await Payload.ReadEdFiAsync(response, 500);
                failures++;
            }
        }

        Assert.Equal(DestinationHealth.Unhealthy, PassiveHealth(gateway, "first"));
        Assert.InRange(failures, 1, 100);
        output.WriteLine($"passive: {failures} failed requests before the dead destination was marked unhealthy");
        var before = _upstream.Requests.Count;
        for (var i = 0; i < 20; i++)
        {
            using var response = await gateway.Client.GetAsync("/api/ping");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(before + 20, _upstream.Requests.Count);
    }

    [Fact]
    public async Task PassiveWithRetries_ClientsNeverSeeTheFailures_DeadDestinationStillTakenOut()
    {
        var dead = ResilienceConfigs.DeadAddress();
        await using var gateway = await GatewayHost.StartAsync(
            ResilienceConfigs.TwoDestinations(dead, _upstream.Address, ResilienceConfigs.Retries("""{ "BackoffMilliseconds": 0 }"""), Passive),
            _upstream.Address, output);

        // Each failed attempt still counts for passive health; the retry hides it from the client.
        for (var i = 0; i < 100 && PassiveHealth(gateway, "first") != DestinationHealth.Unhealthy; i++)
        {
            using var response = await gateway.Client.GetAsync("/api/ping");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(DestinationHealth.Unhealthy, PassiveHealth(gateway, "first"));
        var retries = gateway.Logs.Lines.Count(l => l.EventName == "Retrying");
        Assert.InRange(retries, 10, 100);
        for (var i = 0; i < 10; i++)
        {
            using var response = await gateway.Client.GetAsync("/api/ping");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(retries, gateway.Logs.Lines.Count(l => l.EventName == "Retrying"));
    }

    [Theory]
    [InlineData("/api/ping", 500, false)]
    [InlineData("/v2/api/ping", 503, true)]
    public async Task Passive_NoHealthyDestinationLeft_ProfileAnswerWithPayload(string path, int expected, bool problemDetails)
    {
        var dead = ResilienceConfigs.DeadAddress();
        await using var gateway = await GatewayHost.StartAsync(ResilienceConfigs.OneDestination(dead, clusterExtras: Passive), _upstream.Address, output);
        for (var i = 0; i < 100 && PassiveHealth(gateway, "only") != DestinationHealth.Unhealthy; i++)
        {
            using var failed = await gateway.Client.GetAsync("/api/ping");
            await Payload.ReadEdFiAsync(failed, 500);
        }

        Assert.Equal(DestinationHealth.Unhealthy, PassiveHealth(gateway, "only"));

        // YARP recomputes the cluster's available destinations just after the health state changes: a request racing
        // that update still goes to the dead destination and gets the plain upstream-failure answer (ProblemDetails 502).
        var upstreamFailed = problemDetails ? 502 : 500;
        string? message = null;
        var status = 0;
        for (var i = 0; i < 50 && message?.Contains("No healthy upstream", StringComparison.Ordinal) != true; i++)
        {
            await Task.Delay(i == 0 ? 0 : 20);
            using var response = await gateway.Client.GetAsync(path);
            status = (int)response.StatusCode;
            Assert.True(status == expected || status == upstreamFailed, $"status {status}");
            var json = problemDetails ? await Payload.ReadProblemAsync(response, status) : await Payload.ReadEdFiAsync(response, status);
            message = json.GetProperty(problemDetails ? "detail" : "message").GetString();
        }

        Assert.Contains("No healthy upstream", message, StringComparison.Ordinal);
        Assert.Equal(expected, status);
        Assert.Contains(gateway.Logs.Lines, l => l.EventName == "ForwardFailed" && l.Message.Contains("NoAvailableDestinations", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Active_ProbesMarkTheFailingDestination_TrafficAvoidsIt()
    {
        await using var sick = await FakeLegacyUpstream.StartAsync(app =>
        {
            app.MapGet("/health", () => Results.StatusCode(503));
            app.MapGet("/api/ping", () => Results.Text("sick"));
        });
        const string Active = """
        "HealthCheck": {
          "AvailableDestinationsPolicy": "HealthyAndUnknown",
          "Active": { "Enabled": true, "Interval": "00:00:01", "Timeout": "00:00:02", "Policy": "ConsecutiveFailures", "Path": "/health" }
        },
        "Metadata": { "ConsecutiveFailuresHealthPolicy.Threshold": "1" },
""";
        await using var gateway = await GatewayHost.StartAsync(ResilienceConfigs.TwoDestinations(sick.Address, _upstream.Address, clusterExtras: Active), _upstream.Address, output);

        await GatewayHost.EventuallyAsync(
            () => ActiveHealth(gateway, "first") == DestinationHealth.Unhealthy
                && ActiveHealth(gateway, "second") == DestinationHealth.Healthy,
            "active probes to judge both destinations", TimeSpan.FromSeconds(30));

        for (var i = 0; i < 10; i++)
        {
            using var response = await gateway.Client.GetAsync("/api/ping");
            Assert.Equal("pong", await response.Content.ReadAsStringAsync());
        }

        Assert.DoesNotContain(sick.Requests, r => r.PathAndQuery == "/api/ping");
    }

    private static DestinationState Destination(GatewayHost gateway, string id) =>
        gateway.Services.GetRequiredService<IProxyStateLookup>().TryGetCluster("legacy", out var cluster)
            ? cluster.Destinations[id]
            : throw new InvalidOperationException("cluster legacy is missing");

    private static DestinationHealth PassiveHealth(GatewayHost gateway, string id) => Destination(gateway, id).Health.Passive;

    private static DestinationHealth ActiveHealth(GatewayHost gateway, string id) => Destination(gateway, id).Health.Active;
}
