using System.Net;
using Gateway.Auth.ApiKeys;
using Gateway.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Gateway.IntegrationTests.Auth;

/// <summary>The gateway process: API key hashes from the environment, and the validate command on auth sections.</summary>
public sealed class AuthProcessTests : IDisposable
{
    private const string Config = """
    {
      "Gateway": {
        "Authentication": { "ApiKeys": { "Keys": { } } },
        "Authorization": { "Policies": { "read": { "Scopes": [ "students:read" ] } } }
      },
      "ReverseProxy": {
        "Routes": { "api": { "ClusterId": "legacy", "Match": { "Path": "/api/{**rest}" }, "AuthorizationPolicy": "read" } },
        "Clusters": { "legacy": { "Destinations": { "d1": { "Address": "{UPSTREAM}" } } } }
      }
    }
    """;

    private readonly ScratchDirectory _scratch = new("gateway-auth-process-");

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task ApiKeyHashFromEnvironment_Accepted()
    {
        const string Key = "env-key-5d41402abc4b2a76b9719d911017c592";
        await using var upstream = await FakeLegacyUpstream.StartAsync(app => app.Run(c => c.Response.WriteAsync("ok")));
        var path = Path.Combine(_scratch.Path, "gateway.json");
        await File.WriteAllTextAsync(path, Config.Replace("{UPSTREAM}", upstream.Address, StringComparison.Ordinal));
        var port = GatewayProcess.FreePort();

        using var process = GatewayProcess.Start(["--config", path, "--urls", $"http://127.0.0.1:{port}"], new Dictionary<string, string>
        {
            ["Gateway__Authentication__ApiKeys__Keys__batch-job__Sha256"] = ApiKeyTable.HashOf(Key),
            ["Gateway__Authentication__ApiKeys__Keys__batch-job__Scopes__0"] = "students:read",
        });
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        await process.WaitUntilReadyAsync(client);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/x");
        request.Headers.Add("X-API-Key", Key);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("batch-job", upstream.Requests.Single().Headers["X-Client-Id"]);
        using var anonymous = await client.GetAsync("/api/x");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        // Log lines are written together (Gateway:LogBufferMilliseconds): wait for the last request's, then look.
        await GatewayHost.EventuallyAsync(
            () => process.Output.Any(l => l.Contains("\"Path\":\"/api/x\"", StringComparison.Ordinal) && l.Contains("\"StatusCode\":401", StringComparison.Ordinal)),
            "the 401's completion line on stdout");
        Assert.DoesNotContain(Key, process.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_AuthProblems_PrintedWithPaths()
    {
        var bad = Config
            .Replace("{UPSTREAM}", "http://127.0.0.1:5080", StringComparison.Ordinal)
            .Replace("\"Keys\": { }", "\"Keys\": { \"k\": { \"Sha256\": \"xyz\" } }", StringComparison.Ordinal)
            .Replace("\"AuthorizationPolicy\": \"read\"", "\"AuthorizationPolicy\": \"raed\"", StringComparison.Ordinal);
        var path = Path.Combine(_scratch.Path, "bad.json");
        await File.WriteAllTextAsync(path, bad);

        using var process = GatewayProcess.Start(["validate", path]);

        Assert.True(await process.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains("error: Gateway:Authentication:ApiKeys:Keys:k:Sha256: must be the 64 hex digits", process.AllOutput, StringComparison.Ordinal);
        Assert.Contains("error: ReverseProxy:Routes:api:AuthorizationPolicy: policy 'raed' is not defined", process.AllOutput, StringComparison.Ordinal);
        Assert.Contains("configuration test failed (2 errors)", process.AllOutput, StringComparison.Ordinal);
    }

}
