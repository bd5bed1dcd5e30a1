using StackExchange.Redis;

namespace Gateway.RateLimiting;

/// <summary>
/// One StackExchange.Redis connection, started in the background. Commands fail fast while disconnected (no
/// backlog), time out after the configured decision timeout, and reconnection is retried at a fixed pace.
/// </summary>
internal sealed class RedisConnection : IAsyncDisposable
{
    private readonly Task<ConnectionMultiplexer> _connect;

    public RedisConnection(RedisStoreSettings settings)
    {
        Key = settings.ConnectionKey;
        var options = ConfigurationOptions.Parse(settings.Configuration);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = settings.ConnectTimeoutMilliseconds;
        options.AsyncTimeout = settings.TimeoutMilliseconds;
        options.SyncTimeout = settings.TimeoutMilliseconds;
        options.ReconnectRetryPolicy = new LinearRetry(settings.ReconnectMilliseconds);
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ClientName ??= "gateway-ratelimit";
        _connect = ConnectionMultiplexer.ConnectAsync(options);
    }

    public (string, int, int, int) Key { get; }

    /// <summary>The multiplexer once the first connection attempt ended (connected or not), else null.</summary>
    public ConnectionMultiplexer? Multiplexer => _connect.IsCompletedSuccessfully ? _connect.Result : null;

    /// <summary>Completes when the first connection attempt ended; never throws.</summary>
    public Task Ready => _connect.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    public async ValueTask DisposeAsync()
    {
        try
        {
            var multiplexer = await _connect.ConfigureAwait(false);
            await multiplexer.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or ArgumentException)
        {
            // Never connected: nothing to close.
        }
    }
}
