using System.Text.Json.Nodes;
using Gateway.Auth.ApiKeys;
using Gateway.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests.Auth;

/// <summary>Keys and policies change with a config edit, without a restart; a bad auth edit is refused with its path.</summary>
public sealed class AuthReloadTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TestKey _rsa = TestKey.Rsa("rsa-1");
    private readonly TestKey _ec = TestKey.EcP256("ec-1");
    private readonly TestKey _next = TestKey.Rsa("rsa-2");
    private FakeLegacyUpstream _upstream = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        _upstream = await FakeLegacyUpstream.StartAsync(app => app.Run(c => c.Response.WriteAsync("ok")));
        _gateway = await GatewayHost.StartAsync(AuthConfigs.Text(AuthConfigs.StaticKeys(_rsa, _ec)), _upstream.Address, output);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
        _rsa.Dispose();
        _ec.Dispose();
        _next.Dispose();
    }

    [Fact]
    public async Task ApiKeyReplaced_OldKeyRefused_NewKeyAccepted()
    {
        const string NewKey = "rotated-key-0f8e7d6c5b4a39281706f5e4";
        Assert.Equal(200, await StatusAsync("/read/x", apiKey: AuthConfigs.ReaderKey));
        Assert.Equal(401, await StatusAsync("/read/x", apiKey: NewKey));

        var config = AuthConfigs.StaticKeys(_rsa, _ec);
        config["Gateway"]!["Authentication"]!["ApiKeys"]!["Keys"]!["reader"]!["Sha256"] = ApiKeyTable.HashOf(NewKey);
        await ApplyAsync(config);

        Assert.Equal(401, await StatusAsync("/read/x", apiKey: AuthConfigs.ReaderKey));
        Assert.Equal(200, await StatusAsync("/read/x", apiKey: NewKey));
    }

    [Fact]
    public async Task JwtKeyRotatedByEdit_CachedTokenOfRemovedKeyRefused()
    {
        var oldToken = Jws.Sign(_rsa, Jws.Claims());
        var newToken = Jws.Sign(_next, Jws.Claims());
        Assert.Equal(200, await StatusAsync("/read/x", oldToken)); // cached now
        Assert.Equal(401, await StatusAsync("/read/x", newToken));

        var config = AuthConfigs.StaticKeys(_rsa, _ec);
        var keys = config["Gateway"]!["Authentication"]!["Jwt"]!["SigningKeys"]!.AsObject();
        keys.Remove(_rsa.Kid);
        keys[_next.Kid] = new JsonObject { ["Pem"] = _next.PublicPem };
        await ApplyAsync(config);

        Assert.Equal(200, await StatusAsync("/read/x", newToken));
        Assert.Equal(401, await StatusAsync("/read/x", oldToken));
    }

    [Fact]
    public async Task PolicyTightenedByEdit_AppliesToTheNextRequest()
    {
        Assert.Equal(200, await StatusAsync("/read/x", apiKey: AuthConfigs.ReaderKey));

        var config = AuthConfigs.StaticKeys(_rsa, _ec);
        config["Gateway"]!["Authorization"]!["Policies"]!["read"]!["Scopes"] = new JsonArray("students:read", "students:export");
        await ApplyAsync(config);

        Assert.Equal(403, await StatusAsync("/read/x", apiKey: AuthConfigs.ReaderKey));
    }

    [Fact]
    public async Task NewPolicyAndRouteInOneEdit_Applied()
    {
        var config = AuthConfigs.StaticKeys(_rsa, _ec);
        config["Gateway"]!["Authorization"]!["Policies"]!["export"] = new JsonObject { ["Scopes"] = new JsonArray("students:export") };
        config["ReverseProxy"]!["Routes"]!["export"] = AuthConfigs.Route("export", "export");
        await ApplyAsync(config);

        // The new route goes live when YARP swaps its endpoints, just after the generation is applied.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (await StatusAsync("/export/x", apiKey: AuthConfigs.WriterKey) == 404 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(403, await StatusAsync("/export/x", apiKey: AuthConfigs.WriterKey));
        Assert.Equal(200, await StatusAsync("/export/x", Jws.Sign(_rsa, Jws.Claims("students:export"))));
    }

    [Fact]
    public async Task DefaultPolicyMadeAnonymousByEdit_RouteWithoutPolicyOpens()
    {
        Assert.Equal(401, await StatusAsync("/api/x"));

        var config = AuthConfigs.StaticKeys(_rsa, _ec);
        config["Gateway"]!["Authorization"]!["DefaultPolicy"] = "Anonymous";
        await ApplyAsync(config);

        Assert.Equal(200, await StatusAsync("/api/x"));
        Assert.Equal(401, await StatusAsync("/read/x")); // named policies still hold
    }

    [Fact]
    public async Task Rs256ToHs256Confusion_RefusedEvenWhenHs256IsAllowed()
    {
        // Pinning alone would refuse HS256; allow it, so the key type itself must stop an RSA key being used as an HMAC secret.
        var config = AuthConfigs.StaticKeys(_rsa, _ec);
        config["Gateway"]!["Authentication"]!["Jwt"]!["Algorithms"] = new JsonArray("RS256", "ES256", "HS256");
        await ApplyAsync(config);

        foreach (var secret in new[] { System.Text.Encoding.ASCII.GetBytes(_rsa.PublicPem), _rsa.PublicDer })
        {
            var token = Jws.Hs256(secret, Jws.Header("HS256", _rsa.Kid), Jws.Claims("students:read"));
            Assert.Equal(401, await StatusAsync("/read/x", token));
        }

        Assert.Equal(200, await StatusAsync("/read/x", Jws.Sign(_rsa, Jws.Claims())));
    }

    [Fact]
    public async Task QueryStringKeysAllowedByEdit_Accepted_AndNotForwarded()
    {
        Assert.Equal(400, await StatusAsync($"/read/q1?api_key={AuthConfigs.ReaderKey}&page=2"));

        var config = AuthConfigs.StaticKeys(_rsa, _ec);
        config["Gateway"]!["Authentication"]!["ApiKeys"]!["AllowQueryString"] = true;
        await ApplyAsync(config);

        Assert.Equal(200, await StatusAsync($"/read/q2?api_key={AuthConfigs.ReaderKey}&page=2"));
        var seen = Assert.Single(_upstream.Requests, r => r.PathAndQuery.StartsWith("/q2", StringComparison.Ordinal));
        Assert.Equal("/q2?page=2", seen.PathAndQuery);
        Assert.Equal("reader", seen.Headers["X-Client-Id"]);
        Assert.Equal(401, await StatusAsync("/read/q3?api_key=wrong"));
        Assert.DoesNotContain(_upstream.Requests, r => r.PathAndQuery.StartsWith("/q1", StringComparison.Ordinal) || r.PathAndQuery.StartsWith("/q3", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("route-policy", "ReverseProxy:Routes:read:AuthorizationPolicy: policy 'nope' is not defined in Gateway:Authorization:Policies")]
    [InlineData("bad-pem", "Gateway:Authentication:Jwt:SigningKeys:rsa-1: Pem is not a PEM block")]
    [InlineData("private-pem", "Gateway:Authentication:Jwt:SigningKeys:rsa-1: Pem holds a 'PRIVATE KEY'")]
    [InlineData("bad-hash", "Gateway:Authentication:ApiKeys:Keys:reader:Sha256: must be the 64 hex digits")]
    [InlineData("alg-none", "Gateway:Authentication:Jwt:Algorithms:0: 'none' is not allowed")]
    [InlineData("default-policy", "Gateway:Authorization:DefaultPolicy: 'nope' is not Anonymous, Authenticated or a policy")]
    [InlineData("no-audience", "Gateway:Authentication:Jwt:Audiences: at least one audience is required")]
    public async Task BadAuthEdit_RefusedWithPath_OldConfigServes(string breakage, string expected)
    {
        var config = AuthConfigs.StaticKeys(_rsa, _ec);
        var jwt = config["Gateway"]!["Authentication"]!["Jwt"]!;
        switch (breakage)
        {
            case "route-policy": config["ReverseProxy"]!["Routes"]!["read"]!["AuthorizationPolicy"] = "nope"; break;
            case "bad-pem": jwt["SigningKeys"]!["rsa-1"]!["Pem"] = "MIIB...not pem"; break;
            case "private-pem":
                using (var rsa = System.Security.Cryptography.RSA.Create(2048))
                {
                    jwt["SigningKeys"]!["rsa-1"]!["Pem"] = rsa.ExportPkcs8PrivateKeyPem();
                }

                break;
            case "bad-hash": config["Gateway"]!["Authentication"]!["ApiKeys"]!["Keys"]!["reader"]!["Sha256"] = "abc"; break;
            case "alg-none": jwt["Algorithms"] = new JsonArray("none"); break;
            case "default-policy": config["Gateway"]!["Authorization"]!["DefaultPolicy"] = "nope"; break;
            case "no-audience": jwt["Audiences"] = new JsonArray(); break;
        }

        await _gateway.WriteConfigAsync(AuthConfigs.Text(config), _upstream.Address);
        await GatewayHost.EventuallyAsync(() => _gateway.Logs.Lines.Any(l => l.EventName == "ConfigRejected"), "refusal");

        Assert.Contains(expected, _gateway.Logs.Lines.Single(l => l.EventName == "ConfigRejected").Message, StringComparison.Ordinal);
        Assert.Equal(1, _gateway.Store.Current.Generation);
        Assert.Equal(200, await StatusAsync("/read/x", apiKey: AuthConfigs.ReaderKey));
        Assert.Equal(200, await StatusAsync("/read/x", Jws.Sign(_rsa, Jws.Claims())));
    }

    private async Task ApplyAsync(JsonObject config)
    {
        var generation = _gateway.Store.Current.Generation;
        await _gateway.WriteConfigAsync(AuthConfigs.Text(config), _upstream.Address);
        await GatewayHost.EventuallyAsync(() => _gateway.Store.Current.Generation > generation, "the edit to apply");
    }

    private async Task<int> StatusAsync(string path, string? bearer = null, string? apiKey = null)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (bearer is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + bearer);
        }

        if (apiKey is not null)
        {
            request.Headers.Add("X-API-Key", apiKey);
        }

        using var response = await _gateway.Client.SendAsync(request, cts.Token);
        return (int)response.StatusCode;
    }
}
