using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.IntegrationTests.Infrastructure;

/// <summary>
/// An OIDC issuer on real Kestrel at 127.0.0.1:0: discovery and JWKS, with keys the test rotates and counters of
/// what was fetched. Also serves as an attacker's key server (any other path is counted too).
/// </summary>
public sealed class FakeIdentityProvider : IAsyncDisposable
{
    private readonly WebApplication _app;
    private volatile string _jwks = """{"keys":[]}""";
    private int _discoveryFetches;
    private int _jwksFetches;
    private int _otherFetches;

    private FakeIdentityProvider(WebApplication app) => _app = app;

    /// <summary>Base address; also the issuer.</summary>
    public string Address { get; private set; } = "";

    public int DiscoveryFetches => Volatile.Read(ref _discoveryFetches);

    public int JwksFetches => Volatile.Read(ref _jwksFetches);

    public int OtherFetches => Volatile.Read(ref _otherFetches);

    /// <summary>While true every endpoint answers 503.</summary>
    public bool Down { get; set; }

    public static async Task<FakeIdentityProvider> StartAsync(params TestKey[] keys)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var idp = new FakeIdentityProvider(app);
        idp.SetKeys(keys);
        app.Run(async context =>
        {
            if (idp.Down)
            {
                Interlocked.Increment(ref context.Request.Path == "/jwks" ? ref idp._jwksFetches : ref idp._discoveryFetches);
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }

            context.Response.ContentType = "application/json";
            switch (context.Request.Path.Value)
            {
                case "/.well-known/openid-configuration":
                    Interlocked.Increment(ref idp._discoveryFetches);
                    await context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, object>
                    {
                        ["issuer"] = idp.Address,
                        ["jwks_uri"] = idp.Address + "/jwks",
                        ["id_token_signing_alg_values_supported"] = new[] { "RS256", "ES256" },
                    }));
                    break;
                case "/jwks":
                    Interlocked.Increment(ref idp._jwksFetches);
                    await context.Response.WriteAsync(idp._jwks);
                    break;
                default:
                    Interlocked.Increment(ref idp._otherFetches);
                    await context.Response.WriteAsync(idp._jwks);
                    break;
            }
        });
        await app.StartAsync();
        idp.Address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return idp;
    }

    /// <summary>Replaces the published key set (rotation).</summary>
    public void SetKeys(params TestKey[] keys) =>
        _jwks = JsonSerializer.Serialize(new { keys = keys.Select(k => k.PublicJwk()).ToArray() });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
