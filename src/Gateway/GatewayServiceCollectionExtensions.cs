using Gateway.Auth;
using Gateway.Configuration;
using Gateway.Cors;
using Gateway.Errors;
using Gateway.Health;
using Gateway.Middleware;
using Gateway.Observability;
using Gateway.Preconditions;
using Gateway.Proxy;
using Gateway.Proxy.Retry;
using Gateway.RateLimiting;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Yarp.ReverseProxy.Configuration;

namespace Gateway;

/// <summary>Registers the gateway: config store, error writer, YARP with the gateway's transforms, health checks.</summary>
public static class GatewayServiceCollectionExtensions
{
    /// <summary>Adds the gateway's services. The config file is read later, by <see cref="GatewayApp"/>.</summary>
    public static IServiceCollection AddGateway(this IServiceCollection services, string configPath)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configPath);

        services.AddSingleton(new ConfigFilePath(configPath));
        services.AddSingleton<ConfigLoader>();
        services.AddSingleton<GatewaySnapshotAccessor>();
        services.AddSingleton<GatewayConfigStore>();
        services.AddSingleton<ErrorResponseWriter>();
        services.AddSingleton<UnhandledExceptionAnswer>();
        services.AddSingleton<CompletionLog>();
        // The per-request lines are Serilog events (RequestLine); the host registers Serilog (GatewayLogging). A
        // container without it (config tools, tests of the loader) writes none of them.
        services.TryAddSingleton<Serilog.ILogger>(Serilog.Core.Logger.None);
        services.AddSingleton<RequestMetricsRecorder>();
        services.AddSingleton<ErrorVerdictMemo>();
        services.AddSingleton<BufferBudget>();
        services.AddSingleton<ErrorNormalizationStep>();
        services.AddSingleton<SuccessBodyStep>();
        services.AddSingleton<ResponseScrubTransformFactory>();
        services.AddSingleton<UntrustedRequestHeaderTransform>();
        services.AddSingleton<ForwardedHeadersTransform>();
        services.AddHostedService<ClassifierWarmup>();
        services.AddConditionalRequests();

        // Routes reach YARP only through the store, after the whole file has been validated.
        services.AddReverseProxy()
            .LoadFromMemory([], [])
            .AddConfigFilter<UpstreamHeaderEncodingFilter>()
            .AddTransforms<GatewayTransformProvider>()
            .AddTransforms<RetryTransformProvider>(); // last: it wraps the response transforms added before it
        services.AddSingleton<Yarp.ReverseProxy.Forwarder.IForwarderHttpClientFactory, GatewayForwarderHttpClientFactory>();
        services.AddRequestTimeouts();
        services.AddGatewayAuth();
        services.AddGatewayRateLimiting();
        // ASP.NET Core's CORS middleware, with policies read from the config generation in force.
        services.AddCors();
        services.Replace(ServiceDescriptor.Singleton<ICorsPolicyProvider, GatewayCorsPolicyProvider>());
        services.Replace(ServiceDescriptor.Singleton<ICorsService, GatewayCorsService>());

        services.AddHealthChecks().AddCheck<ConfigReadinessCheck>("config", tags: [HealthTags.Ready]);
        return services;
    }
}
