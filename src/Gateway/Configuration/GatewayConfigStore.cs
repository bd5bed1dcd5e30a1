using System.Security.Cryptography;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;
using Yarp.ReverseProxy.Configuration;

namespace Gateway.Configuration;

/// <summary>
/// Holds the current config generation and hot-reloads the file: a valid edit replaces routes and gateway settings
/// together; an invalid one is refused with one log line and the last good generation keeps serving.
/// </summary>
internal sealed partial class GatewayConfigStore : IDisposable
{
    private static readonly TimeSpan s_debounce = TimeSpan.FromMilliseconds(300);

    // File events miss some edits: a Kubernetes ConfigMap swaps a symlinked directory (no event names the file), and
    // network file systems send none. A cheap stat every few seconds catches those; the hash check drops non-changes.
    private static readonly TimeSpan s_poll = TimeSpan.FromSeconds(2);

    private readonly ConfigLoader _loader;
    private readonly InMemoryConfigProvider _proxyConfig;
    private readonly ILogger<GatewayConfigStore> _logger;
    private readonly SemaphoreSlim _reloadLock = new(1, 1);
    private readonly Timer _debounceTimer;
    private Timer? _pollTimer;
    private (DateTime Written, long Length)? _lastSeen;
    private bool _missingReported;
    private PhysicalFileProvider? _fileProvider;
    private IDisposable? _watch;
    private readonly GatewaySnapshotAccessor _snapshot;
    private byte[]? _lastAttemptHash;
    private long _lastGoodGeneration;
    private long _appliedCount;
    private long _refusedCount;

    public GatewayConfigStore(
        ConfigLoader loader, InMemoryConfigProvider proxyConfig, GatewaySnapshotAccessor snapshot, ConfigFilePath configFile, ILogger<GatewayConfigStore> logger)
    {
        _snapshot = snapshot;
        _loader = loader;
        _proxyConfig = proxyConfig;
        _logger = logger;
        ConfigPath = configFile.Path;
        _debounceTimer = new Timer(static s => _ = ((GatewayConfigStore)s!).ReloadAsync(), this, Timeout.Infinite, Timeout.Infinite);
    }

    public string ConfigPath { get; }

    /// <summary>The generation in force.</summary>
    public GatewaySnapshot Current => _snapshot.Current;

    /// <summary>The problems of the last refused edit, or empty when the last attempt was applied.</summary>
    public IReadOnlyList<ConfigProblem> LastRejection { get; private set; } = [];

    /// <summary>Generations applied since start, the first load included (read by the metrics).</summary>
    public long AppliedCount => Interlocked.Read(ref _appliedCount);

    /// <summary>Edits refused since start (read by the metrics).</summary>
    public long RefusedCount => Interlocked.Read(ref _refusedCount);

    /// <summary>Set on SIGTERM so readiness fails while in-flight requests drain.</summary>
    public bool IsDraining { get; set; }

    public async Task<ConfigLoadResult> LoadInitialAsync(CancellationToken cancellationToken)
    {
        var bytes = await TryReadAsync(cancellationToken);
        var result = bytes is null
            ? new ConfigLoadResult(null, [new ConfigProblem("", $"cannot read {ConfigPath}")])
            : await _loader.LoadAsync(bytes, generation: 1, cancellationToken);
        if (result.IsValid)
        {
            _lastAttemptHash = SHA256.HashData(bytes!);
            Apply(result.Snapshot!);
        }

        return result;
    }

    public void StartWatching()
    {
        var directory = Path.GetDirectoryName(ConfigPath)!;
        var fileName = Path.GetFileName(ConfigPath);
        _fileProvider = new PhysicalFileProvider(directory);
        _watch = ChangeToken.OnChange(() => _fileProvider.Watch(fileName), () => _debounceTimer.Change(s_debounce, Timeout.InfiniteTimeSpan));
        _lastSeen = Stat();
        _pollTimer = new Timer(static s => ((GatewayConfigStore)s!).Poll(), this, s_poll, s_poll);
    }

    // A changed size or write time (through symlinks, as a ConfigMap's file is reached) schedules a reload; a file that
    // went missing is reported once, not every poll.
    private void Poll()
    {
        var seen = Stat();
        if (seen != _lastSeen)
        {
            _lastSeen = seen;
            _debounceTimer.Change(s_debounce, Timeout.InfiniteTimeSpan);
        }
    }

    private (DateTime Written, long Length)? Stat()
    {
        try
        {
            var file = new FileInfo(ConfigPath);
            var target = file.LinkTarget is null ? file : file.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? file;
            return target.Exists ? (target.LastWriteTimeUtc, target.Length) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Reads and applies the file now; also what the watcher calls. Never throws.</summary>
    public async Task ReloadAsync()
    {
        await _reloadLock.WaitAsync();
        try
        {
            var bytes = await TryReadAsync(CancellationToken.None);
            if (bytes is null)
            {
                // The watcher and the poll may both see one deletion: it is refused (and logged) once.
                if (!_missingReported)
                {
                    _missingReported = true;
                    _lastAttemptHash = null; // the same content coming back is an edit to apply again
                    Reject([new ConfigProblem("", "the file is missing or unreadable")]);
                }

                return;
            }

            _missingReported = false;

            var hash = SHA256.HashData(bytes);
            if (_lastAttemptHash is not null && hash.AsSpan().SequenceEqual(_lastAttemptHash))
            {
                return; // touched, not changed
            }

            _lastAttemptHash = hash;
            var result = await _loader.LoadAsync(bytes, Current.Generation + 1, CancellationToken.None);
            if (result.IsValid)
            {
                Apply(result.Snapshot!);
            }
            else
            {
                Reject(result.Problems);
            }
        }
        catch (Exception ex)
        {
            Log.ReloadFailed(_logger, ConfigPath, ex);
        }
        finally
        {
            _reloadLock.Release();
        }
    }

    public void Dispose()
    {
        _watch?.Dispose();
        _pollTimer?.Dispose();
        _fileProvider?.Dispose();
        _debounceTimer.Dispose();
        _reloadLock.Dispose();
    }

    private void Apply(GatewaySnapshot snapshot)
    {
        // Gateway settings first: a request routed by the new routes must find its new policy.
        _snapshot.Current = snapshot;
        _proxyConfig.Update(snapshot.Routes, snapshot.Clusters);
        LastRejection = [];
        _lastGoodGeneration = snapshot.Generation;
        Interlocked.Increment(ref _appliedCount);
        Log.ConfigApplied(_logger, ConfigPath, snapshot.Generation, snapshot.Routes.Count, snapshot.Clusters.Count);
    }

    private void Reject(IReadOnlyList<ConfigProblem> problems)
    {
        LastRejection = problems;
        Interlocked.Increment(ref _refusedCount);
        Log.ConfigRejected(_logger, ConfigPath, _lastGoodGeneration, string.Join("; ", problems));
    }

    private async Task<byte[]?> TryReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllBytesAsync(ConfigPath, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Config {ConfigPath} applied as generation {Generation}: {RouteCount} routes, {ClusterCount} clusters")]
        public static partial void ConfigApplied(ILogger logger, string configPath, long generation, int routeCount, int clusterCount);

        [LoggerMessage(2, LogLevel.Error, "Config {ConfigPath} refused, generation {Generation} keeps serving: {Problems}")]
        public static partial void ConfigRejected(ILogger logger, string configPath, long generation, string problems);

        [LoggerMessage(3, LogLevel.Error, "Config {ConfigPath} reload failed unexpectedly; the last good config keeps serving")]
        public static partial void ReloadFailed(ILogger logger, string configPath, Exception exception);
    }
}
