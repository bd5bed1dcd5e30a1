using Gateway.Configuration;
using Gateway.Kestrel;
using Gateway.Logging;
using Gateway.Observability;

namespace Gateway;

/// <summary>Builds the gateway host from command-line arguments; shared by Program, the validate command and tests.</summary>
public static class GatewayApp
{
    /// <summary>Builds the host and loads the config. Returns null with the problems when the config is invalid.</summary>
    /// <param name="args">Command-line arguments: <c>--config</c>, <c>--urls</c> and any ASP.NET Core host setting.</param>
    /// <param name="configure">Lets tests add logging providers or services before the host is built.</param>
    /// <param name="configureApp">Lets tests map extra endpoints after the gateway's pipeline.</param>
    /// <param name="cancellationToken">Cancels the initial load.</param>
    public static async Task<(WebApplication? App, IReadOnlyList<string> Problems)> CreateAsync(
        string[] args,
        Action<WebApplicationBuilder>? configure = null,
        Action<WebApplication>? configureApp = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var configPath = ConfigFileLocator.Locate(args);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = ConfigFileLocator.WithoutConfigArgument(args),
            ContentRootPath = AppContext.BaseDirectory,
        });

        // Startup-only settings (Kestrel limits, Serilog overrides) may come from the same file.
        // A broken file is reported by the config store with its line; here it is simply skipped.
        if (StartupSettings.TryRead(configPath) is { } startupJson)
        {
            builder.Configuration.AddJsonStream(startupJson);
        }

        // The usual precedence: the file, then the environment, then the command line (the builder's own copy of it came
        // before the file).
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddCommandLine(ConfigFileLocator.WithoutConfigArgument(args));
        // Kestrel's own loader reads only endpoints from config; limits (body size, header sizes) are bound here.
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(builder.Configuration.GetSection("Kestrel"));
        // The socket transport's settings (I/O queues, inline scheduling) are host tuning: off by default, in README.
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets.SocketTransportOptions>(builder.Configuration.GetSection("Kestrel:Sockets"));
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            // Header values read from upstreams as Latin-1 (UpstreamHeaderEncodingFilter) leave as the same bytes.
            k.ResponseHeaderEncodingSelector = static _ => System.Text.Encoding.Latin1;
            // Kestrel's own rejections (bad request line, 414, 431, bad chunking) leave in the payload form too.
            k.UseKestrelRejectionAnswers();
        });
        builder.Services.AddKestrelRejectionAnswers();
        var shutdownSeconds = builder.Configuration.GetValue($"{GatewayOptions.SectionName}:ShutdownTimeoutSeconds", 25);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(Math.Clamp(shutdownSeconds, 0, 3600)));

        GatewayLogging.Configure(builder);
        builder.Services.AddGateway(configPath);
        builder.AddGatewayObservability();
        configure?.Invoke(builder);

        // The host binds the startup-only sections while it is built, and throws on a value it cannot take: check first.
        var startupProblems = new List<ConfigProblem>();
        StartupSectionChecker.Check(builder.Configuration, startupProblems);
        if (startupProblems.Count > 0)
        {
            return (null, startupProblems.Select(p => p.ToString()).ToList());
        }

        var app = builder.Build();
        var store = app.Services.GetRequiredService<GatewayConfigStore>();
        var result = await store.LoadInitialAsync(cancellationToken);
        if (!result.IsValid)
        {
            await app.DisposeAsync();
            return (null, result.Problems.Select(p => p.ToString()).ToList());
        }

        store.StartWatching();
        app.Lifetime.ApplicationStopping.Register(() => store.IsDraining = true);
        app.UseGateway();
        configureApp?.Invoke(app);
        return (app, []);
    }
}
