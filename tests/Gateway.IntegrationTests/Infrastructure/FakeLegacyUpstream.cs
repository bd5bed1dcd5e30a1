using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.IntegrationTests.Infrastructure;

/// <summary>A legacy backend on real Kestrel at 127.0.0.1:0 whose endpoints each test defines; records what it saw.</summary>
public sealed class FakeLegacyUpstream : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeLegacyUpstream(WebApplication app) => _app = app;

    /// <summary>Base address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Address { get; private set; } = "";

    /// <summary>Every request that reached the upstream, in order.</summary>
    public ConcurrentQueue<SeenRequest> Requests { get; } = new();

    public static async Task<FakeLegacyUpstream> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
        var app = builder.Build();
        var upstream = new FakeLegacyUpstream(app);
        app.Use(async (context, next) =>
        {
            upstream.Requests.Enqueue(new SeenRequest(
                context.Request.Method,
                context.Request.Path + context.Request.QueryString,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            await next(context);
        });
        map(app);
        await app.StartAsync();
        upstream.Address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return upstream;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>A request as the upstream saw it.</summary>
public sealed record SeenRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers);
