using System.Collections.Concurrent;
using StackExchange.Redis;

namespace Gateway.Preconditions;

/// <summary>
/// Per-resource locks shared by gateway instances through Redis: <c>SET key token NX PX lease</c>, renewed while
/// held, released only by the holder (compare-and-delete). Waiters poll with a short backoff.
/// </summary>
internal sealed partial class RedisResourceLocks(ILogger<RedisResourceLocks> logger) : IAsyncDisposable
{
    private static readonly TimeSpan s_maxPoll = TimeSpan.FromMilliseconds(100);

    // KEYS[1] = lock key, ARGV[1] = holder token, ARGV[2] = lease in ms.
    private const string ReleaseScript = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
    private const string RenewScript = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

    private readonly ConcurrentDictionary<string, Lazy<Task<ConnectionMultiplexer>>> _connections = new(StringComparer.Ordinal);

    /// <summary>Waits for the key across instances. Throws <see cref="RedisException"/> or a timeout when Redis cannot be used.</summary>
    public async Task<IAsyncDisposable> AcquireAsync(ETagLockOptions options, string key, CancellationToken cancellationToken)
    {
        var connection = await ConnectAsync(options.RedisConfiguration!).WaitAsync(cancellationToken);
        var database = connection.GetDatabase();
        RedisKey redisKey = options.KeyPrefix + key;
        var token = Guid.NewGuid().ToString("N");
        var lease = TimeSpan.FromSeconds(options.LeaseSeconds);
        var poll = TimeSpan.FromMilliseconds(5);
        while (!await database.StringSetAsync(redisKey, token, lease, When.NotExists).WaitAsync(cancellationToken))
        {
            await Task.Delay(poll, cancellationToken);
            poll = poll * 2 < s_maxPoll ? poll * 2 : s_maxPoll;
        }

        return new Lease(database, redisKey, token, lease, logger);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections.Values)
        {
            if (connection.IsValueCreated && connection.Value.IsCompletedSuccessfully)
            {
                await connection.Value.Result.DisposeAsync();
            }
        }
    }

    // One multiplexer per configuration string; a reload that changes it gets a new one.
    private Task<ConnectionMultiplexer> ConnectAsync(string configuration) =>
        _connections.GetOrAdd(configuration, static c => new Lazy<Task<ConnectionMultiplexer>>(() =>
        {
            var options = ConfigurationOptions.Parse(c);
            options.AbortOnConnectFail = false; // keep retrying in the background; commands fail fast meanwhile
            return ConnectionMultiplexer.ConnectAsync(options);
        })).Value;

    private sealed class Lease : IAsyncDisposable
    {
        private readonly IDatabase _database;
        private readonly RedisKey _key;
        private readonly string _token;
        private readonly ILogger _logger;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _renewal;

        public Lease(IDatabase database, RedisKey key, string token, TimeSpan lease, ILogger logger)
        {
            _database = database;
            _key = key;
            _token = token;
            _logger = logger;
            _renewal = RenewAsync(lease);
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _renewal;
            _stop.Dispose();
            try
            {
                await _database.ScriptEvaluateAsync(ReleaseScript, [_key], [_token]);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                // The lease runs out on its own; until then the next writer waits.
                Log.ReleaseFailed(_logger, ex.Message);
            }
        }

        private async Task RenewAsync(TimeSpan lease)
        {
            try
            {
                while (true)
                {
                    await Task.Delay(lease / 3, _stop.Token);
                    await _database.ScriptEvaluateAsync(RenewScript, [_key], [_token, (long)lease.TotalMilliseconds]);
                }
            }
            catch (OperationCanceledException)
            {
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                Log.RenewFailed(_logger, ex.Message);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Redis ETag lock not released ({Reason}); it expires with its lease")]
        public static partial void ReleaseFailed(ILogger logger, string reason);

        [LoggerMessage(2, LogLevel.Warning, "Redis ETag lock lease not renewed ({Reason}); a long write may lose it")]
        public static partial void RenewFailed(ILogger logger, string reason);
    }
}
