using Gateway.Health;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gateway.RateLimiting;

/// <summary>Registers the gateway's rate limiting: ASP.NET Core's limiter with the gateway's global limiter, the Redis store, caps.</summary>
public static class RateLimitingServiceCollectionExtensions
{
    /// <summary>Adds rate limiting driven by <c>Gateway:RateLimiting</c>; the pipeline step is <c>UseRateLimiter()</c>.</summary>
    public static IServiceCollection AddGatewayRateLimiting(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RateLimitCounters>();
        services.AddSingleton<RedisRateLimitStore>();
        services.AddSingleton<GatewayRateLimiter>();
        services.AddSingleton<ClusterConcurrencyGate>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<GatewayRateLimiter>((options, limiter) =>
        {
            options.GlobalLimiter = limiter;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests; // ASP.NET Core's default is 503
            options.OnRejected = RateLimitRejectionWriter.OnRejectedAsync;
        });

        // ASPNETCORE_FORWARDEDHEADERS_ENABLED would let any peer pick its address; trusted proxies are configured instead.
        services.PostConfigure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.None);

        services.AddHostedService<RateLimitStoreWarmup>();
        services.AddHealthChecks().AddCheck<RateLimitStoreHealthCheck>("ratelimit-store", tags: [HealthTags.Ready]);
        return services;
    }
}
