using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using OpenTelemetry.Metrics;

namespace Gateway.Observability.Admin;

/// <summary>
/// The admin listener: a second, minimal web app inside the gateway process, on its own port (loopback by default),
/// so nothing it serves can be reached through the public port and no proxy route can reach it.
/// <c>GET /</c> is the admin view, <c>GET /metrics</c> the Prometheus scrape endpoint.
/// </summary>
internal sealed partial class AdminServer(AdminOptions options, IServiceProvider services, ILoggerFactory loggerFactory, ILogger<AdminServer> logger)
    : IHostedService, IAsyncDisposable
{
    public const string MetricsPath = "/metrics";

    private WebApplication? _app;

    /// <summary>The addresses the admin listener is bound to, once started.</summary>
    public IReadOnlyList<string> Addresses { get; private set; } = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // An empty builder: none of the gateway's config sources, Kestrel endpoints or middleware apply here.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "Gateway.Admin" });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.AddServerHeader = false);
        builder.WebHost.UseUrls(ObservabilityOptionsValidator.SplitUrls(options.Urls));
        builder.Services.AddLogging();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton(services.GetRequiredService<AdminView>());

        var app = builder.Build();
        if (services.GetService<MeterProvider>() is { } meterProvider)
        {
            app.UseOpenTelemetryPrometheusScrapingEndpoint(meterProvider, predicate: null, path: MetricsPath, configureBranchedPipeline: null, optionsName: null);
        }

        var view = app.Services.GetRequiredService<AdminView>();
        app.Run(context => RespondAsync(context, view));
        await app.StartAsync(cancellationToken);
        _app = app;
        Addresses = [.. app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses];
        Log.Started(logger, string.Join(", ", Addresses));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
            _app = null;
        }
    }

    private static Task RespondAsync(HttpContext context, AdminView view)
    {
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        if (context.Request.Path != "/" && context.Request.Path != "/admin")
        {
            response.StatusCode = (int)HttpStatusCode.NotFound;
            return Task.CompletedTask;
        }

        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            response.StatusCode = (int)HttpStatusCode.MethodNotAllowed;
            response.Headers.Allow = "GET, HEAD";
            return Task.CompletedTask;
        }

        response.ContentType = "application/json; charset=utf-8";
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : response.WriteAsync(view.Render(), context.RequestAborted);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Admin listener (config view, /metrics) on {Addresses}")]
        public static partial void Started(ILogger logger, string addresses);
    }
}
