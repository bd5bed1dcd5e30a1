using System.Net;
using Gateway.IntegrationTests.Infrastructure;
using Gateway.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests;

/// <summary>The per-cluster concurrency cap protects a fragile backend: past it the gateway answers and the backend sees nothing.</summary>
public sealed class ClusterConcurrencyTests(ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private const string Config = """
    {
      "Gateway": {
        "Routes": { "v2": { "Profile": "ProblemDetails" } },
        "Clusters": { "fragile": { "MaxConcurrentRequests": 2 } }
      },
      "ReverseProxy": {
        "Routes": {
          "api": { "ClusterId": "fragile", "Match": { "Path": "/api/{**rest}" } },
          "v2": { "ClusterId": "fragile", "Match": { "Path": "/v2/api/{**rest}" }, "Transforms": [ { "PathRemovePrefix": "/v2" } ] },
          "other": { "ClusterId": "sturdy", "Match": { "Path": "/other/{**rest}" }, "Transforms": [ { "PathRemovePrefix": "/other" } ] }
        },
        "Clusters": {
          "fragile": { "Destinations": { "d1": { "Address": "{UPSTREAM}" } } },
          "sturdy": { "Destinations": { "d1": { "Address": "{UPSTREAM}" } } }
        }
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
    public async Task CapReached_Refused_BackendNeverSeesIt_OtherClusterUnaffected_ReleasedSlotsServeAgain()
    {
        var held = new[] { _gateway.Client.GetAsync("/api/hold", _timeout.Token), _gateway.Client.GetAsync("/api/hold", _timeout.Token) };
        await GatewayHost.EventuallyAsync(() => _upstream.Requests.Count == 2, "two requests held by the backend");

        using (var edfi = await _gateway.Client.GetAsync("/api/ping", _timeout.Token))
        {
            await Payload.ReadEdFiAsync(edfi, 500); // 503 is not in the EdFi profile
            Assert.Equal("1", Assert.Single(edfi.Headers.GetValues("Retry-After")));
        }

        using (var problem = await _gateway.Client.GetAsync("/v2/api/ping", _timeout.Token))
        {
            var json = await Payload.ReadProblemAsync(problem, 503);
            Assert.Contains("busy", json.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal("1", Assert.Single(problem.Headers.GetValues("Retry-After")));
        }

        using (var other = await _gateway.Client.GetAsync("/other/api/ping", _timeout.Token))
        {
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        }

        Assert.Equal(3, _upstream.Requests.Count);
        Assert.Equal(2, _gateway.Services.GetRequiredService<RateLimitCounters>().ClusterCapRefusals);

        _release.SetResult();
        foreach (var task in held)
        {
            using var response = await task;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await GatewayHost.EventuallyAsync(() => _gateway.Services.GetRequiredService<ClusterConcurrencyGate>().InFlight("fragile") == 0, "the slots to be released");
        using var again = await _gateway.Client.GetAsync("/api/ping", _timeout.Token);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task CapRaisedByReload_AppliesWhileRequestsAreInFlight()
    {
        var held = new[] { _gateway.Client.GetAsync("/api/hold", _timeout.Token), _gateway.Client.GetAsync("/api/hold", _timeout.Token) };
        await GatewayHost.EventuallyAsync(() => _upstream.Requests.Count == 2, "two requests held by the backend");
        Assert.Equal(HttpStatusCode.InternalServerError, (await _gateway.Client.GetAsync("/api/ping", _timeout.Token)).StatusCode);

        await _gateway.WriteConfigAsync(Config.Replace("\"MaxConcurrentRequests\": 2", "\"MaxConcurrentRequests\": 3, \"RejectionStatus\": 429", StringComparison.Ordinal), _upstream.Address);
        await GatewayHost.EventuallyAsync(() => _gateway.Store.Current.Generation == 2, "the edit to apply");

        var third = _gateway.Client.GetAsync("/api/hold", _timeout.Token);
        await GatewayHost.EventuallyAsync(() => _upstream.Requests.Count == 3, "a third request held by the backend");
        using (var refused = await _gateway.Client.GetAsync("/api/ping", _timeout.Token))
        {
            await Payload.ReadEdFiAsync(refused, 429);
        }

        _release.SetResult();
        foreach (var task in held.Append(third))
        {
            using var response = await task;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
