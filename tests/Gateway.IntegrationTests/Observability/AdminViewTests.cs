using System.Net;
using System.Text.Json;
using Gateway.IntegrationTests.Infrastructure;
using Gateway.Observability;
using Gateway.Observability.Admin;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests.Observability;

/// <summary>The admin port: off by default, loopback, and it never shows a secret from the config.</summary>
[Collection(ObservabilityTestGroup.Name)]
public sealed class AdminViewTests(ITestOutputHelper output)
{
    private const string Planted = "planted-secret-";

    // Secrets in every place YARP's section lets one put them; the gateway section has no free-form keys.
    private const string WithSecrets = """
    {
      "Gateway": {
        "Admin": { "Enabled": true, "Urls": "http://127.0.0.1:0" },
        "Authentication": {
          "ApiKeys": { "Keys": { "obs-reader": { "Sha256": "b3b678b7d4f395726e9621281f9502ee0473428daaec1caeb61d17b12a698ad8", "Scopes": [ "obs:read" ] } } }
        },
        "Authorization": { "DefaultPolicy": "Anonymous" },
        "RateLimiting": {
          "Redis": { "Configuration": "127.0.0.1:1,password=planted-secret-10,ssl=false", "ConnectTimeoutMilliseconds": 200 },
          "Policies": { "obs-shared": { "Kind": "FixedWindow", "PermitLimit": 100, "Window": "00:01:00", "Store": "Redis" } }
        },
        "Routes": { "obs-api": { "Profile": "ProblemDetails" } }
      },
      "ReverseProxy": {
        "Routes": {
          "obs-api": {
            "ClusterId": "obs-legacy", "Match": { "Path": "/api/{**rest}" },
            "Metadata": { "ApiKey": "planted-secret-1", "Upstream": "Server=db01;Database=Students;User Id=sa;Password=planted-secret-2;" },
            "Transforms": [
              { "RequestHeader": "X-Backend-Key", "Set": "planted-secret-3" },
              { "RequestHeader": "Authorization", "Set": "Bearer planted-secret-4" },
              { "RequestHeader": "X-Tenant", "Set": "tenant-7" }
            ]
          }
        },
        "Clusters": {
          "obs-legacy": {
            "Destinations": { "d1": { "Address": "{UPSTREAM}", "Metadata": { "token": "planted-secret-8" } } },
            "Metadata": { "ClientSecret": "planted-secret-6", "Cache": "redis-cache:6379,password=planted-secret-7" }
          },
          "obs-vault": { "Destinations": { "v1": { "Address": "http://svc:planted-secret-5@127.0.0.1:9/" } } }
        }
      }
    }
    """;

    [Fact]
    public async Task ActiveConfig_ShowsStructureAndGeneration_NeverAPlantedSecret()
    {
        await using var upstream = await FakeLegacyUpstream.StartAsync(app => app.MapGet("/api/ping", () => Results.Text("pong")));
        await using var gateway = await GatewayHost.StartAsync(WithSecrets, upstream.Address, output);
        // The secrets are really in force: the upstream receives the configured headers.
        using (var ping = await gateway.Client.GetAsync("/api/ping"))
        {
            Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
        }

        Assert.Equal("planted-secret-3", Assert.Single(upstream.Requests).Headers["X-Backend-Key"]);

        var text = await GetAdminAsync(gateway);

        Assert.DoesNotContain(Planted, text, StringComparison.Ordinal);
        Assert.DoesNotContain(ObservabilityConfigs.ReaderKeyHash, text, StringComparison.OrdinalIgnoreCase);
        using var view = JsonDocument.Parse(text);
        var root = view.RootElement;
        Assert.Equal(1, root.GetProperty("generation").GetInt64());
        Assert.Equal("applied", root.GetProperty("lastReload").GetProperty("result").GetString());
        var config = root.GetProperty("config");
        Assert.Equal("ProblemDetails", config.GetProperty("Gateway").GetProperty("Routes").GetProperty("obs-api").GetProperty("Profile").GetString());
        var route = config.GetProperty("ReverseProxy").GetProperty("Routes").GetProperty("obs-api");
        Assert.Equal("[redacted]", route.GetProperty("Metadata").GetProperty("ApiKey").GetString());
        Assert.Equal("[redacted]", route.GetProperty("Metadata").GetProperty("Upstream").GetString());
        Assert.Equal("tenant-7", route.GetProperty("Transforms")[2].GetProperty("Set").GetString());
        Assert.Equal("X-Backend-Key", route.GetProperty("Transforms")[0].GetProperty("RequestHeader").GetString());
        Assert.Equal("[redacted]", config.GetProperty("Gateway").GetProperty("Authentication").GetProperty("ApiKeys").GetString());
        var redis = config.GetProperty("Gateway").GetProperty("RateLimiting").GetProperty("Redis");
        Assert.Equal("[redacted]", redis.GetProperty("Configuration").GetString());
        Assert.Equal(200, redis.GetProperty("ConnectTimeoutMilliseconds").GetInt32());
        Assert.Equal("Anonymous", config.GetProperty("Gateway").GetProperty("Authorization").GetProperty("DefaultPolicy").GetString());
        var vault = config.GetProperty("ReverseProxy").GetProperty("Clusters").GetProperty("obs-vault");
        Assert.Equal("http://[redacted]@127.0.0.1:9/", vault.GetProperty("Destinations").GetProperty("v1").GetProperty("Address").GetString());

        // Route → cluster → destination health, as YARP sees it.
        var routes = root.GetProperty("routes");
        var api = Assert.Single(routes.EnumerateArray());
        Assert.Equal("obs-api", api.GetProperty("routeId").GetString());
        Assert.Equal("obs-legacy", api.GetProperty("clusterId").GetString());
        Assert.Equal(1, api.GetProperty("availableDestinations").GetInt32());
        var destination = Assert.Single(api.GetProperty("destinations").EnumerateArray());
        Assert.Equal("d1", destination.GetProperty("destinationId").GetString());
        Assert.Equal(upstream.Address + "/", destination.GetProperty("address").GetString()!.TrimEnd('/') + "/");
        Assert.Equal("Unknown", destination.GetProperty("activeHealth").GetString());
    }

    [Fact]
    public async Task RefusedEdit_ShowsLastReloadErrorWithoutTheSecretItQuoted_ThenNextGeneration()
    {
        await using var upstream = await FakeLegacyUpstream.StartAsync(app => app.MapGet("/api/ping", () => Results.Text("pong")));
        await using var gateway = await GatewayHost.StartAsync(WithSecrets, upstream.Address, output);

        // A connection string pasted where an address belongs: the refusal message quotes the value.
        var bad = WithSecrets.Replace("\"{UPSTREAM}\"", "\"Server=db01;User Id=sa;Password=planted-secret-9;\"", StringComparison.Ordinal);
        await gateway.WriteConfigAsync(bad, upstream.Address);
        await GatewayHost.EventuallyAsync(() => gateway.Store.LastRejection.Count > 0, "the edit refused");
        // Hidden at the source since config errors redact what they quote; the admin view redacts again, more widely.
        Assert.DoesNotContain(gateway.Store.LastRejection, p => p.Message.Contains("planted-secret-9", StringComparison.Ordinal));

        var text = await GetAdminAsync(gateway);
        Assert.DoesNotContain(Planted, text, StringComparison.Ordinal);
        using (var view = JsonDocument.Parse(text))
        {
            var last = view.RootElement.GetProperty("lastReload");
            Assert.Equal("refused", last.GetProperty("result").GetString());
            Assert.Equal(1, last.GetProperty("refused").GetInt64());
            var problem = Assert.Single(last.GetProperty("problems").EnumerateArray());
            Assert.Equal("ReverseProxy:Clusters:obs-legacy:Destinations:d1:Address", problem.GetProperty("path").GetString());
            Assert.Contains("[redacted]", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Equal(1, view.RootElement.GetProperty("generation").GetInt64());
        }

        await gateway.WriteConfigAsync(WithSecrets.Replace("tenant-7", "tenant-8", StringComparison.Ordinal), upstream.Address);
        await GatewayHost.EventuallyAsync(() => gateway.Store.Current.Generation == 2 && gateway.Store.LastRejection.Count == 0, "generation 2 applied");
        using var after = JsonDocument.Parse(await GetAdminAsync(gateway));
        Assert.Equal(2, after.RootElement.GetProperty("generation").GetInt64());
        Assert.Equal("applied", after.RootElement.GetProperty("lastReload").GetProperty("result").GetString());
        Assert.Empty(after.RootElement.GetProperty("lastReload").GetProperty("problems").EnumerateArray());
    }

    [Fact]
    public async Task AdminOffByDefault_NothingListens_MainPortServesNoMetricsOrView()
    {
        await using var upstream = await FakeLegacyUpstream.StartAsync(app => app.MapGet("/api/ping", () => Results.Text("pong")));
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        Assert.False(new AdminOptions().Enabled);
        Assert.Null(gateway.Services.GetService<AdminServer>());
        foreach (var path in new[] { "/metrics", "/admin" })
        {
            using var response = await gateway.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("gateway_", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Empty(upstream.Requests);
    }

    [Fact]
    public async Task AdminEnabled_BindsLoopback_SeparateFromMainPort()
    {
        Assert.Equal("127.0.0.1", new Uri(new AdminOptions().Urls).Host);
        await using var upstream = await FakeLegacyUpstream.StartAsync(app => app.MapGet("/api/ping", () => Results.Text("pong")));
        await using var gateway = await GatewayHost.StartAsync(WithSecrets, upstream.Address, output);

        var admin = new Uri(gateway.Services.GetRequiredService<AdminServer>().Addresses.Single());
        Assert.True(IPAddress.IsLoopback(IPAddress.Parse(admin.Host)));
        Assert.NotEqual(new Uri(gateway.Address).Port, admin.Port);

        // The admin port does not proxy, and the public port does not serve the admin view.
        using var notProxied = await gateway.Client.GetAsync(new Uri(admin, "/api/ping"));
        Assert.Equal(HttpStatusCode.NotFound, notProxied.StatusCode);
        using var notPublic = await gateway.Client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.NotFound, notPublic.StatusCode);
        using var post = await gateway.Client.PostAsync(new Uri(admin, "/"), new StringContent(""));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Empty(upstream.Requests);
    }

    private static async Task<string> GetAdminAsync(GatewayHost gateway)
    {
        var admin = gateway.Services.GetRequiredService<AdminServer>().Addresses.Single();
        using var response = await gateway.Client.GetAsync(admin + "/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        return await response.Content.ReadAsStringAsync();
    }
}
