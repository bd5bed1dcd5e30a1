using System.Net;
using Gateway.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests.Infrastructure;

/// <summary>The real gateway, built by the same <see cref="GatewayApp"/> as Program.cs, on Kestrel at 127.0.0.1:0.</summary>
public sealed class GatewayHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _directory;

    private GatewayHost(WebApplication app, string directory, string configPath, LogCollector logs)
    {
        _app = app;
        _directory = directory;
        ConfigPath = configPath;
        Logs = logs;
        Address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        Client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None, UseCookies = false })
        {
            BaseAddress = new Uri(Address),
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public string Address { get; }

    public string ConfigPath { get; }

    public HttpClient Client { get; }

    public LogCollector Logs { get; }

    internal GatewayConfigStore Store => _app.Services.GetRequiredService<GatewayConfigStore>();

    internal IServiceProvider Services => _app.Services;

    /// <summary>Starts the gateway on a config text in which <c>{UPSTREAM}</c> stands for the upstream's address.</summary>
    public static async Task<GatewayHost> StartAsync(
        string configJson, string upstream, ITestOutputHelper? output = null, Action<WebApplication>? configureApp = null, Action<WebApplicationBuilder>? configure = null)
    {
        var directory = Directory.CreateTempSubdirectory("gateway-test-").FullName;
        var configPath = Path.Combine(directory, "gateway.json");
        await File.WriteAllTextAsync(configPath, configJson.Replace("{UPSTREAM}", upstream, StringComparison.Ordinal));
        return await StartOnFileAsync(configPath, directory, output, configureApp, configure);
    }

    /// <summary>Starts the gateway on a config file the test laid out itself (e.g. behind symlinks); the directory is
    /// deleted on dispose.</summary>
    public static async Task<GatewayHost> StartOnFileAsync(
        string configPath, string directory, ITestOutputHelper? output = null, Action<WebApplication>? configureApp = null, Action<WebApplicationBuilder>? configure = null)
    {
        var logs = new LogCollector(output);
        var (app, problems) = await GatewayApp.CreateAsync(
            ["--config", configPath, "--urls", "http://127.0.0.1:0"],
            builder =>
            {
                builder.Logging.AddProvider(logs);
                configure?.Invoke(builder);
            },
            configureApp);
        if (app is null)
        {
            throw new InvalidOperationException("Gateway refused its test config: " + string.Join("; ", problems));
        }

        await app.StartAsync();
        return new GatewayHost(app, directory, configPath, logs);
    }

    /// <summary>Replaces the config file; the gateway's watcher picks it up.</summary>
    public Task WriteConfigAsync(string configJson, string upstream) =>
        File.WriteAllTextAsync(ConfigPath, configJson.Replace("{UPSTREAM}", upstream, StringComparison.Ordinal));

    /// <summary>Polls until the condition holds; fails the test after the timeout.</summary>
    public static async Task EventuallyAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Timed out waiting for: " + what);
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
