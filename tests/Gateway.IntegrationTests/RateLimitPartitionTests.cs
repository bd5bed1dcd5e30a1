using System.Net;
using Gateway.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests;

/// <summary>Whose quota a request uses: trusted proxies, API-key client, subject, exemptions, the default policy.</summary>
public sealed class RateLimitPartitionTests(ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private const string Config = """
    {
      "Gateway": {
        "ForwardedHeaders": { "TrustedProxies": [ "127.0.0.1" ] },
        "RateLimiting": {
          "DefaultPolicy": "two-per-ip",
          "Exempt": { "Clients": [ "monitor" ], "Networks": [ "192.0.2.0/24" ] },
          "Policies": {
            "two-per-ip": { "Kind": "FixedWindow", "PermitLimit": 2, "Window": "1.00:00:00" },
            "two-per-client": { "Kind": "FixedWindow", "PermitLimit": 2, "Window": "1.00:00:00", "PartitionBy": "ApiKey" },
            "two-per-subject": { "Kind": "FixedWindow", "PermitLimit": 2, "Window": "1.00:00:00", "PartitionBy": "Subject" },
            "two-for-all": { "Kind": "FixedWindow", "PermitLimit": 2, "Window": "1.00:00:00", "PartitionBy": "Global" }
          }
        }
      },
      "ReverseProxy": {
        "Routes": {
          "ip": { "ClusterId": "legacy", "Match": { "Path": "/ip/{**rest}" }, "Transforms": [ { "PathRemovePrefix": "/ip" } ] },
          "named-default": { "ClusterId": "legacy", "Match": { "Path": "/named-default/{**rest}" }, "RateLimiterPolicy": "default",
                             "Transforms": [ { "PathRemovePrefix": "/named-default" } ] },
          "off": { "ClusterId": "legacy", "Match": { "Path": "/off/{**rest}" }, "RateLimiterPolicy": "disable",
                   "Transforms": [ { "PathRemovePrefix": "/off" } ] },
          "client": { "ClusterId": "legacy", "Match": { "Path": "/client/{**rest}" }, "RateLimiterPolicy": "two-per-client",
                      "Transforms": [ { "PathRemovePrefix": "/client" } ] },
          "subject": { "ClusterId": "legacy", "Match": { "Path": "/subject/{**rest}" }, "RateLimiterPolicy": "two-per-subject",
                       "Transforms": [ { "PathRemovePrefix": "/subject" } ] },
          "all": { "ClusterId": "legacy", "Match": { "Path": "/all/{**rest}" }, "RateLimiterPolicy": "two-for-all",
                   "Transforms": [ { "PathRemovePrefix": "/all" } ] }
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
        _upstream = await FakeLegacyUpstream.StartAsync(app => app.MapGet("/api/ping", () => Results.Text("pong")));
        _gateway = await GatewayHost.StartAsync(Config, _upstream.Address, output, configure: TestIdentity.Add);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    public void Dispose() => _timeout.Dispose();

    [Fact]
    public async Task TrustedProxy_ForwardedFor_SeparatesClients_OnlyTheTrustedHopCounts()
    {
        Assert.Equal(new[] { 200, 200, 429 }, await StatusesAsync("/ip/api/ping", 3, forwardedFor: "203.0.113.1"));
        Assert.Equal(new[] { 200, 200, 429 }, await StatusesAsync("/ip/api/ping", 3, forwardedFor: "203.0.113.2"));

        // 127.0.0.1 is trusted, 203.0.113.3 is not: what it claims to the left is ignored.
        Assert.Equal(new[] { 200, 200 }, await StatusesAsync("/ip/api/ping", 2, forwardedFor: "198.51.100.1, 203.0.113.3"));
        Assert.Equal(new[] { 429 }, await StatusesAsync("/ip/api/ping", 1, forwardedFor: "198.51.100.2, 203.0.113.3"));
    }

    [Fact]
    public async Task ExemptNetwork_NeverLimited_NoHeaders()
    {
        for (var i = 0; i < 6; i++)
        {
            using var response = await SendAsync("/ip/api/ping", forwardedFor: "192.0.2.10");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(RateLimitFields.Present(response));
        }
    }

    [Fact]
    public async Task ApiKeyPartition_EachClientHasItsOwnQuota_AnonymousFallsBackToAddress_ExemptClientUnlimited()
    {
        Assert.Equal(new[] { 200, 200, 429 }, await StatusesAsync("/client/api/ping", 3, client: "alpha"));
        Assert.Equal(new[] { 200, 200, 429 }, await StatusesAsync("/client/api/ping", 3, client: "beta"));
        Assert.Equal(new[] { 200, 200, 429 }, await StatusesAsync("/client/api/ping", 3));
        Assert.Equal(new[] { 200, 200, 200, 200 }, await StatusesAsync("/client/api/ping", 4, client: "monitor"));
    }

    [Fact]
    public async Task SubjectPartition_UsesSub_ThenClientId()
    {
        Assert.Equal(new[] { 200, 200, 429 }, await StatusesAsync("/subject/api/ping", 3, client: "app", subject: "alice"));
        Assert.Equal(new[] { 200, 200, 429 }, await StatusesAsync("/subject/api/ping", 3, client: "app", subject: "bob"));
        Assert.Equal(new[] { 200, 200, 429 }, await StatusesAsync("/subject/api/ping", 3, client: "app"));
    }

    [Fact]
    public async Task GlobalPartition_OneQuotaForEveryone()
    {
        Assert.Equal(new[] { 200 }, await StatusesAsync("/all/api/ping", 1, forwardedFor: "203.0.113.1"));
        Assert.Equal(new[] { 200, 429 }, await StatusesAsync("/all/api/ping", 2, client: "alpha"));
    }

    [Fact]
    public async Task DefaultPolicy_AppliesToRoutesWithoutOne_DisableOptsOut()
    {
        Assert.Equal(new[] { 200, 200, 429 }, await StatusesAsync("/ip/api/ping", 3, forwardedFor: "203.0.113.9"));
        // "default" names the default policy: same quota as /ip (same policy, same client).
        Assert.Equal(new[] { 429 }, await StatusesAsync("/named-default/api/ping", 1, forwardedFor: "203.0.113.9"));
        using var off = await SendAsync("/off/api/ping", forwardedFor: "203.0.113.9");
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.False(RateLimitFields.Present(off));
    }

    private async Task<int[]> StatusesAsync(string path, int count, string? forwardedFor = null, string? client = null, string? subject = null)
    {
        var statuses = new int[count];
        for (var i = 0; i < count; i++)
        {
            using var response = await SendAsync(path, forwardedFor, client, subject);
            statuses[i] = (int)response.StatusCode;
        }

        return statuses;
    }

    private async Task<HttpResponseMessage> SendAsync(string path, string? forwardedFor = null, string? client = null, string? subject = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (forwardedFor is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", forwardedFor);
        }

        if (client is not null)
        {
            request.Headers.Add(TestIdentity.ClientHeader, client);
        }

        if (subject is not null)
        {
            request.Headers.Add(TestIdentity.SubjectHeader, subject);
        }

        return await _gateway.Client.SendAsync(request, _timeout.Token);
    }
}
