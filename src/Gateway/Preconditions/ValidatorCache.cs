using System.Collections.Concurrent;

namespace Gateway.Preconditions;

/// <summary>
/// One route's recorded tags, for one config generation (a reload compiles a new, empty one, so entries of an old
/// generation never answer). Bounded by <see cref="MaxEntries"/>: when full, expired and superseded entries are swept
/// (at most once a second), then, if still full, a tenth of the entries are dropped. Lookups take a span, so a hit
/// allocates nothing.
/// </summary>
internal sealed class ValidatorCache
{
    private const long SweepIntervalMs = 1000;

    private readonly ConcurrentDictionary<string, ValidatorCacheEntry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ValidatorCacheEntry>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private readonly Lock _sweepLock = new();
    private int _count;
    private long _nextSweep;

    public ValidatorCache(int seconds, int maxEntries)
    {
        Seconds = seconds;
        MaxEntries = maxEntries;
        _bySpan = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>How long an entry answers, in seconds.</summary>
    public int Seconds { get; }

    /// <summary>The most entries kept.</summary>
    public int MaxEntries { get; }

    /// <summary>Entries held, live or not yet swept.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The live entry of a key: not expired, and no write to its path since it was read upstream.</summary>
    public ValidatorCacheEntry? Find(ReadOnlySpan<char> key, ResourceWriteVersions versions)
    {
        if (!_bySpan.TryGetValue(key, out var actualKey, out var entry))
        {
            return null;
        }

        if (IsLive(entry, Environment.TickCount64, versions))
        {
            return entry;
        }

        Remove(actualKey, entry);
        return null;
    }

    /// <summary>Records an entry whose expiry is still to be set, replacing the key's previous one.</summary>
    public void Store(string key, ValidatorCacheEntry candidate, ResourceWriteVersions versions)
    {
        var now = Environment.TickCount64;
        var entry = candidate with { ExpiresAt = now + (Seconds * 1000L) };
        while (true)
        {
            if (_entries.TryGetValue(key, out var previous))
            {
                if (_entries.TryUpdate(key, entry, previous))
                {
                    return;
                }

                continue;
            }

            if (Volatile.Read(ref _count) >= MaxEntries && !MakeRoom(now, versions))
            {
                return; // full of live entries and swept a moment ago: this one is not recorded
            }

            if (_entries.TryAdd(key, entry))
            {
                Interlocked.Increment(ref _count);
                return;
            }
        }
    }

    private static bool IsLive(ValidatorCacheEntry entry, long now, ResourceWriteVersions versions) =>
        entry.ExpiresAt > now && versions.Read(entry.Stripe) == entry.Version;

    private bool MakeRoom(long now, ResourceWriteVersions versions)
    {
        if (now < Volatile.Read(ref _nextSweep) || !_sweepLock.TryEnter())
        {
            return false;
        }

        try
        {
            Volatile.Write(ref _nextSweep, now + SweepIntervalMs);
            foreach (var (key, entry) in _entries)
            {
                if (!IsLive(entry, now, versions))
                {
                    Remove(key, entry);
                }
            }

            // Still full of live entries: drop some (in no particular order) so new resources get a place too.
            var target = MaxEntries - Math.Max(1, MaxEntries / 10);
            foreach (var (key, entry) in _entries)
            {
                if (Volatile.Read(ref _count) <= target)
                {
                    break;
                }

                Remove(key, entry);
            }

            return Volatile.Read(ref _count) < MaxEntries;
        }
        finally
        {
            _sweepLock.Exit();
        }
    }

    private void Remove(string key, ValidatorCacheEntry entry)
    {
        if (_entries.TryRemove(new KeyValuePair<string, ValidatorCacheEntry>(key, entry)))
        {
            Interlocked.Decrement(ref _count);
        }
    }
}
