using System.Security.Cryptography;
using System.Text;
using Gateway.Transforms.RateLimiting;
using StackExchange.Redis;

namespace Gateway.RateLimiting;

/// <summary>
/// Decides Redis-backed quotas with one script call each. Tracks whether Redis is usable: the change is logged
/// once per transition and counted; while disconnected no call is attempted (StackExchange.Redis reconnects in the
/// background), so an outage costs no latency and the gateway recovers by itself when Redis returns.
/// </summary>
internal sealed partial class RedisRateLimitStore(RateLimitCounters counters, ILogger<RedisRateLimitStore> logger) : IAsyncDisposable
{
    private const int MaxPartitionLength = 128;

    private readonly Lock _lock = new();
    private RedisConnection? _connection;
    private int _unavailable; // 0 available (or not yet used), 1 unavailable
    private long _unavailableSince;

    /// <summary>True while the last call or probe found Redis usable.</summary>
    public bool IsAvailable => Volatile.Read(ref _unavailable) == 0;

    /// <summary>Starts (or, after a settings change, replaces) the connection and waits for the first attempt to end.</summary>
    public async Task ConnectAsync(RedisStoreSettings settings)
    {
        var connection = Connection(settings);
        await connection.Ready.ConfigureAwait(false);
        Probe(settings);
    }

    /// <summary>
    /// Whether a decision can be asked of Redis now. Marks an outage when disconnected, but never its end: right after
    /// Redis restarts the multiplexer reports itself connected while commands still fail ("No connection is
    /// active/available"), so only a command that succeeded (a decision, or the readiness check's PING) ends it.
    /// </summary>
    public bool Probe(RedisStoreSettings settings)
    {
        var multiplexer = Connection(settings).Multiplexer;
        if (multiplexer is { IsConnected: true })
        {
            return true;
        }

        // Still on the first attempt (a new or changed store): not an outage yet; it is bounded by the connect timeout.
        if (multiplexer is not null)
        {
            MarkUnavailable(settings, "not connected");
        }

        return false;
    }

    /// <summary>Whether a decision may be asked of Redis: <see cref="Probe"/>, or a new store (one a reload just added or
    /// changed) still on its first connection attempt, which <see cref="TryDecideAsync"/> waits for within the decision
    /// timeout rather than refusing the first requests after the reload.</summary>
    public bool MayDecide(RedisStoreSettings settings) => Connection(settings).Multiplexer is null || Probe(settings);

    /// <summary>The readiness check: a PING when connected; its answer starts or ends an outage.</summary>
    public async Task<bool> CheckAsync(RedisStoreSettings settings)
    {
        if (!Probe(settings))
        {
            return false;
        }

        try
        {
            await Bounded(Connection(settings).Multiplexer!.GetDatabase().PingAsync(), settings).ConfigureAwait(false);
            MarkAvailable();
            return true;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            MarkUnavailable(settings, ex.GetType().Name + ": " + ex.Message);
            return false;
        }
    }

    /// <summary>Asks Redis for a decision; null when Redis failed (the caller then fails open or closed).</summary>
    public async ValueTask<RateLimitDecision?> TryDecideAsync(RedisStoreSettings settings, RateLimitTarget target)
    {
        var connection = Connection(settings);
        if (connection.Multiplexer is null)
        {
            await Task.WhenAny(connection.Ready, Task.Delay(settings.TimeoutMilliseconds)).ConfigureAwait(false);
        }

        var multiplexer = connection.Multiplexer;
        if (multiplexer is not { IsConnected: true })
        {
            counters.StoreFailed();
            MarkUnavailable(settings, "not connected");
            return null;
        }

        var shape = target.Policy.Spec.Shape!;
        var (script, args) = shape.Kind switch
        {
            QuotaKind.FixedWindow => (RedisScripts.FixedWindow, new RedisValue[] { shape.Limit, shape.WindowMs }),
            QuotaKind.SlidingWindow => (RedisScripts.SlidingWindow, new RedisValue[] { shape.Limit, shape.SegmentMs, shape.Segments }),
            _ => (RedisScripts.TokenBucket, new RedisValue[] { shape.Limit, shape.TokensPerPeriod, shape.WindowMs }),
        };

        try
        {
            var call = multiplexer.GetDatabase().ScriptEvaluateAsync(script, [Key(settings, target, shape)], args);
            var result = (RedisResult[])(await Bounded(call, settings).ConfigureAwait(false))!;
            MarkAvailable();
            return (long)result[0] == 1
                ? RateLimitDecision.Allow((long)result[1], (long)result[2])
                : RateLimitDecision.Refuse((long)result[3]);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or InvalidCastException or ObjectDisposedException)
        {
            counters.StoreFailed();
            MarkUnavailable(settings, ex.GetType().Name + ": " + ex.Message);
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        RedisConnection? connection;
        lock (_lock)
        {
            connection = _connection;
            _connection = null;
        }

        if (connection is not null)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    // StackExchange.Redis checks its timeouts only on its 1 s heartbeat, so a slow or frozen Redis held requests for up
    // to a second past TimeoutMilliseconds; the decision timeout is enforced here. The abandoned call still ends (and
    // its exception is observed) in the background.
    private static Task<T> Bounded<T>(Task<T> call, RedisStoreSettings settings)
    {
        _ = call.ContinueWith(static t => _ = t.Exception, CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return call.WaitAsync(TimeSpan.FromMilliseconds(settings.TimeoutMilliseconds));
    }

    // Keys carry the window shape: a changed limit keeps the counts, a changed window or algorithm starts afresh.
    private static RedisKey Key(RedisStoreSettings settings, RateLimitTarget target, QuotaShape shape)
    {
        var tag = shape.Kind switch
        {
            QuotaKind.FixedWindow => $"fw{shape.WindowMs}",
            QuotaKind.SlidingWindow => $"sw{shape.SegmentMs}x{shape.Segments}",
            _ => $"tb{shape.WindowMs}",
        };
        var partition = target.Key.Partition;
        if (partition.Length > MaxPartitionLength)
        {
            partition = "h:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(partition)));
        }

        return $"{settings.KeyPrefix}{target.Policy.Name}:{tag}:{partition}";
    }

    private RedisConnection Connection(RedisStoreSettings settings)
    {
        var current = Volatile.Read(ref _connection);
        if (current is not null && current.Key == settings.ConnectionKey)
        {
            return current;
        }

        RedisConnection? replaced;
        lock (_lock)
        {
            if (_connection is not null && _connection.Key == settings.ConnectionKey)
            {
                return _connection;
            }

            replaced = _connection;
            _connection = new RedisConnection(settings);
            current = _connection;
        }

        if (replaced is not null)
        {
            Log.Reconnecting(logger);
            _ = replaced.DisposeAsync().AsTask();
        }

        return current;
    }

    private void MarkAvailable()
    {
        if (Interlocked.CompareExchange(ref _unavailable, 0, 1) == 1)
        {
            counters.StoreCameBack();
            var seconds = TimeSpan.FromMilliseconds(Environment.TickCount64 - Interlocked.Read(ref _unavailableSince)).TotalSeconds;
            Log.Available(logger, seconds);
        }
    }

    private void MarkUnavailable(RedisStoreSettings settings, string reason)
    {
        if (Interlocked.CompareExchange(ref _unavailable, 1, 0) == 0)
        {
            Interlocked.Exchange(ref _unavailableSince, Environment.TickCount64);
            counters.StoreWentDown();
            Log.Unavailable(logger, reason, settings.WhenUnavailable == RedisFailureMode.FailOpen
                ? "failing open: each replica enforces its limits in memory"
                : $"failing closed: Redis-limited routes answer {settings.FailClosedStatus}, as each route's profile maps it (Ed-Fi: 503 is 500)");
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Redis rate-limit store unavailable ({Reason}); {Mode} until it is back")]
        public static partial void Unavailable(ILogger logger, string reason, string mode);

        [LoggerMessage(2, LogLevel.Information, "Redis rate-limit store available again after {Seconds:0.0} s; shared limits apply")]
        public static partial void Available(ILogger logger, double seconds);

        [LoggerMessage(3, LogLevel.Information, "Redis rate-limit store settings changed; reconnecting")]
        public static partial void Reconnecting(ILogger logger);
    }
}
