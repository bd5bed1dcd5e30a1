using Gateway.Configuration;

namespace Gateway.RateLimiting;

/// <summary>
/// Connects to Redis before the server listens, so the first requests are decided by the shared store (bounded by
/// the connect timeout; an unreachable Redis is logged and handled like any outage). Also says out loud that
/// <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c> is ignored.
/// </summary>
internal sealed partial class RateLimitStoreWarmup(
    GatewaySnapshotAccessor snapshots, RedisRateLimitStore store, IConfiguration configuration, ILogger<RateLimitStoreWarmup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (configuration.GetValue<bool>("FORWARDEDHEADERS_ENABLED"))
        {
            Log.ForwardedHeadersIgnored(logger);
        }

        if (snapshots.Current.RateLimiting.Redis is { } redis)
        {
            await store.ConnectAsync(redis).WaitAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning,
            "ASPNETCORE_FORWARDEDHEADERS_ENABLED is ignored: it would trust X-Forwarded-For from any peer. Configure Gateway:ForwardedHeaders instead")]
        public static partial void ForwardedHeadersIgnored(ILogger logger);
    }
}
