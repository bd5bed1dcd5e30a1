using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Gateway.IntegrationTests.Infrastructure;

/// <summary>One gateway with static JWT keys and API keys (<see cref="AuthConfigs.StaticKeys"/>) and an upstream that answers "ok".</summary>
public sealed class AuthGatewayFixture : IAsyncLifetime
{
    public TestKey Rsa { get; } = TestKey.Rsa("rsa-1");

    public TestKey Ec { get; } = TestKey.EcP256("ec-1");

    /// <summary>A key the gateway does not know.</summary>
    public TestKey Attacker { get; } = TestKey.Rsa("attacker");

    public FakeLegacyUpstream Upstream { get; private set; } = null!;

    public GatewayHost Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Upstream = await FakeLegacyUpstream.StartAsync(app => app.Run(c => c.Response.WriteAsync("ok")));
        Gateway = await GatewayHost.StartAsync(AuthConfigs.Text(AuthConfigs.StaticKeys(Rsa, Ec)), Upstream.Address);
    }

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Upstream.DisposeAsync();
        Rsa.Dispose();
        Ec.Dispose();
        Attacker.Dispose();
    }

    /// <summary>A path under <paramref name="prefix"/> that no other request uses, to tell what the upstream saw.</summary>
    public static string Marker() => "m" + Guid.NewGuid().ToString("N");

    public async Task<HttpResponseMessage> GetAsync(string path, string? bearer = null, string? apiKey = null, Action<HttpRequestMessage>? configure = null)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (apiKey is not null)
        {
            request.Headers.Add("X-API-Key", apiKey);
        }

        configure?.Invoke(request);
        return await Gateway.Client.SendAsync(request, cts.Token);
    }
}
