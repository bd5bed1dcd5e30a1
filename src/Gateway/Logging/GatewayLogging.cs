using Gateway.Configuration;
using Serilog;
using Serilog.Events;
using Serilog.Extensions.Logging;
using Serilog.Formatting.Compact;
using Serilog.Settings.Configuration;

namespace Gateway.Logging;

/// <summary>Serilog as the only logger: structured JSON lines on stdout, framework chatter at Warning.</summary>
internal static class GatewayLogging
{
    // Where a `Serilog` section's sinks, enrichers and formatters are looked up: the Serilog assemblies the gateway
    // ships. Named here, the reader does not load and scan the whole dependency context at startup (114 more methods
    // JIT-compiled before the first request).
    private static readonly ConfigurationReaderOptions s_settingsAssemblies = new(
        typeof(Log).Assembly,
        typeof(ConsoleLoggerConfigurationExtensions).Assembly,
        typeof(FileLoggerConfigurationExtensions).Assembly,
        typeof(LoggerSinkConfigurationDebugExtensions).Assembly,
        typeof(CompactJsonFormatter).Assembly);

    public static void Configure(WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        // preserveStaticLogger: each host logs through its own logger, never the process-wide Log.Logger
        // (two hosts in one process would otherwise log into each other).
        builder.Services.AddSerilog((services, logger) => WriteToOtherProviders(services, logger)
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .MinimumLevel.Override("Yarp", LogEventLevel.Warning)
            // The gateway logs each forwarding failure once, classified; YARP's own line repeats it with a stack.
            .MinimumLevel.Override("Yarp.ReverseProxy.Forwarder", LogEventLevel.Error)
            .MinimumLevel.Override("Microsoft.AspNetCore.DataProtection", LogEventLevel.Error)
            .ReadFrom.Configuration(builder.Configuration, s_settingsAssemblies)
            .Enrich.FromLogContext()
            .WriteTo.Sink(new StdoutJsonSink(new CompactLineFormatter(), Console.OpenStandardOutput(), LogHold(builder.Configuration), TimeProvider.System)),
            preserveStaticLogger: true);
        CachingLoggerFactory.Decorate(builder.Services);
    }

    // Read once, like the rest of the logging set-up (the config's validation refuses a value out of range; it is
    // clamped here because logging exists before that check).
    private static TimeSpan LogHold(IConfiguration configuration) => TimeSpan.FromMilliseconds(Math.Clamp(
        configuration.GetValue($"{GatewayOptions.SectionName}:{nameof(GatewayOptions.LogBufferMilliseconds)}", GatewayOptions.DefaultLogBufferMilliseconds),
        0,
        GatewayOptions.MaxLogBufferMilliseconds));

    // Other ILoggerProviders keep working (tests add one to read the log). Serilog's writeToProviders would put the
    // forwarding sink in the pipeline even with no provider, and it copies every event's properties.
    private static LoggerConfiguration WriteToOtherProviders(IServiceProvider services, LoggerConfiguration logger)
    {
        var providers = services.GetServices<ILoggerProvider>().ToArray();
        if (providers.Length > 0)
        {
            var collection = new LoggerProviderCollection();
            foreach (var provider in providers)
            {
                collection.AddProvider(provider);
            }

            logger.WriteTo.Providers(collection);
        }

        return logger;
    }

    /// <summary>For the moments before the host exists (startup config errors, the validate command).</summary>
    public static Serilog.Core.Logger CreateBootstrapLogger() => new LoggerConfiguration()
        .WriteTo.Console(new RenderedCompactJsonFormatter())
        .CreateLogger();
}
