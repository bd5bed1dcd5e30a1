using Gateway.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests.Auth;

/// <summary>
/// A config without credentials or rate limits skips the authentication, authorization and rate-limiting steps per
/// request (they cost allocations even when idle). Skipping must never open what the config guards: an edit that adds
/// auth or a limit applies to the next request. (A route that asks for authorization while no credentials are
/// configured is refused at load, so it never meets a skipped step.)
/// </summary>
public sealed class SkippedStepsTests(ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private const string Unarmed = """
    {
      "Gateway": { "Routes": { } },
      "ReverseProxy": {
        "Routes": {
          "api": { "ClusterId": "legacy", "Match": { "Path": "/api/{**rest}" } }
        },
        "Clusters": { "legacy": { "Destinations": { "d1": { "Address": "{UPSTREAM}" } } } }
      }
    }
    """;

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));
    private FakeLegacyUpstream _upstream = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        _upstream = await FakeLegacyUpstream.StartAsync(app => app.Run(c => c.Response.WriteAsync("ok")));
        _gateway = await GatewayHost.StartAsync(Unarmed, _upstream.Address, output);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    public void Dispose() => _timeout.Dispose();

    [Fact]
    public async Task DefaultPolicyAddedByEdit_AppliesToTheNextRequest()
    {
        Assert.Equal(200, await StatusAsync("/api/x"));

        var armed = Unarmed.Replace(
            "\"Gateway\": { \"Routes\": { } }",
            $$"""
            "Gateway": {
              "Routes": { },
              "Authentication": { "ApiKeys": { "Header": "X-API-Key", "Keys": { "reader": { "Sha256": "{{Gateway.Auth.ApiKeys.ApiKeyTable.HashOf(AuthConfigs.ReaderKey)}}" } } } },
              "Authorization": { "DefaultPolicy": "Authenticated" }
            }
            """,
            StringComparison.Ordinal);
        Assert.NotEqual(Unarmed, armed);
        await ApplyAsync(armed);

        Assert.Equal(401, await StatusAsync("/api/x"));
        Assert.Equal(200, await StatusAsync("/api/x", apiKey: AuthConfigs.ReaderKey));
    }

    [Fact]
    public async Task RateLimitAddedByEdit_AppliesToTheNextRequest()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(200, await StatusAsync("/api/x"));
        }

        var limited = Unarmed
            .Replace(
                "\"Gateway\": { \"Routes\": { } }",
                """
                "Gateway": { "Routes": { }, "RateLimiting": { "Policies": { "two": { "Kind": "FixedWindow", "PermitLimit": 2, "Window": "1.00:00:00" } } } }
                """,
                StringComparison.Ordinal)
            .Replace("\"Path\": \"/api/{**rest}\" }", "\"Path\": \"/api/{**rest}\" }, \"RateLimiterPolicy\": \"two\"", StringComparison.Ordinal);
        Assert.Contains("\"RateLimiterPolicy\": \"two\"", limited, StringComparison.Ordinal);
        await ApplyAsync(limited);

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add(await StatusAsync("/api/x"));
        }

        Assert.Equal(new[] { 200, 200, 429 }, statuses);
    }

    private async Task ApplyAsync(string config)
    {
        var generation = _gateway.Store.Current.Generation;
        await _gateway.WriteConfigAsync(config, _upstream.Address);
        await GatewayHost.EventuallyAsync(() => _gateway.Store.Current.Generation > generation, "the edit to apply");
    }

    private async Task<int> StatusAsync(string path, string? apiKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (apiKey is not null)
        {
            request.Headers.Add("X-API-Key", apiKey);
        }

        using var response = await _gateway.Client.SendAsync(request, _timeout.Token);
        return (int)response.StatusCode;
    }
}
