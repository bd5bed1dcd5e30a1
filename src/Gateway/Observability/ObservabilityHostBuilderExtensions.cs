using Gateway.Configuration;
using Gateway.Health;
using Gateway.Observability.Admin;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Gateway.Observability;

/// <summary>Registers metrics, traces and the admin listener from <c>Gateway:Observability</c> and <c>Gateway:Admin</c>.</summary>
public static class ObservabilityHostBuilderExtensions
{
    /// <summary>Meters exported beside the gateway's own: ASP.NET Core's request and Kestrel metrics, HttpClient's.</summary>
    private static readonly string[] s_frameworkMeters =
        ["Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http"];

    /// <summary>
    /// Adds the gateway's metrics and tracing (OpenTelemetry) and, when enabled, the admin listener. Settings are read
    /// once, here; a broken section falls back to defaults because the config store refuses the file anyway.
    /// </summary>
    public static WebApplicationBuilder AddGatewayObservability(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var (observability, admin) = Read(builder.Configuration);
        var services = builder.Services;
        services.AddSingleton<GatewayMetrics>();
        services.AddSingleton<IRateLimitStoreState, RedisRateLimitStoreState>();
        services.AddSingleton(admin);
        services.AddSingleton<AdminView>();

        var otlp = string.IsNullOrWhiteSpace(observability.OtlpEndpoint) ? null : new Uri(observability.OtlpEndpoint.TrimEnd('/'));
        var telemetry = services.AddOpenTelemetry().ConfigureResource(r => r.AddService(observability.ServiceName));
        if (observability.Metrics && (admin.Enabled || otlp is not null))
        {
            telemetry.WithMetrics(metrics =>
            {
                metrics.AddMeter(GatewayTelemetry.MeterName).AddMeter(s_frameworkMeters);
                if (admin.Enabled)
                {
                    // No response cache: a scrape shows the counters as they are now.
                    metrics.AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
                }

                if (otlp is not null)
                {
                    metrics.AddOtlpExporter(o => Configure(o, otlp, observability.OtlpProtocol, "v1/metrics"));
                }
            });
        }

        if (observability.Tracing && otlp is null)
        {
            // Nothing would leave the process: keep the trace context (traceparent, log trace ids), record no spans.
            services.AddSingleton(new PropagationOnlyTracing(observability.TraceSampleRatio));
            services.AddHostedService(static s => s.GetRequiredService<PropagationOnlyTracing>());
        }
        else if (observability.Tracing)
        {
            telemetry.WithTracing(tracing =>
            {
                tracing.SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(observability.TraceSampleRatio)))
                    .AddAspNetCoreInstrumentation(o => o.Filter = static c =>
                        !c.Request.Path.StartsWithSegments(HealthTags.LivePath) && !c.Request.Path.StartsWithSegments(HealthTags.ReadyPath))
                    // YARP's "proxy.forwarder" span (route, cluster, destination) between the two.
                    .AddSource("Yarp.ReverseProxy")
                    .AddHttpClientInstrumentation();
                if (otlp is not null)
                {
                    tracing.AddOtlpExporter(o => Configure(o, otlp, observability.OtlpProtocol, "v1/traces"));
                }
            });
        }

        if (admin.Enabled)
        {
            services.AddSingleton<AdminServer>();
            services.AddHostedService(static s => s.GetRequiredService<AdminServer>());
        }

        return builder;
    }

    private static (ObservabilityOptions, AdminOptions) Read(ConfigurationManager configuration)
    {
        var section = configuration.GetSection(GatewayOptions.SectionName);
        var observability = new ObservabilityOptions();
        var admin = new AdminOptions();
        try
        {
            section.GetSection(ObservabilityOptions.SectionName).Bind(observability);
            section.GetSection(AdminOptions.SectionName).Bind(admin);
        }
        catch (InvalidOperationException)
        {
            return (new ObservabilityOptions(), new AdminOptions());
        }

        var problems = new List<ConfigProblem>();
        ObservabilityOptionsValidator.Validate(observability, admin, problems);
        return problems.Count == 0 ? (observability, admin) : (new ObservabilityOptions(), new AdminOptions());
    }

    private static void Configure(OtlpExporterOptions options, Uri endpoint, OtlpTransport transport, string signalPath)
    {
        options.Protocol = transport == OtlpTransport.HttpProtobuf ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        // Set in code, the HTTP endpoint is used as is: the signal's path must be added here.
        options.Endpoint = transport == OtlpTransport.HttpProtobuf ? new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/" + signalPath) : endpoint;
    }
}
