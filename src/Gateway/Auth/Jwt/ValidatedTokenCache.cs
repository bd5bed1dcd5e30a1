using Microsoft.Extensions.Caching.Memory;

namespace Gateway.Auth.Jwt;

/// <summary>
/// Bounded cache of validated tokens keyed by <see cref="TokenHash"/>. An entry lives until the token's <c>exp</c>
/// (plus the clock skew validation allows) and only for the key set that validated it.
/// </summary>
internal sealed class ValidatedTokenCache : IDisposable
{
    private readonly MemoryCache _cache;
    private readonly TimeProvider _time;

    public ValidatedTokenCache(int maxEntries, TimeProvider time)
    {
        _time = time;
        // Over the limit, MemoryCache refuses the new entry and compacts (expired first, then least recently used).
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = maxEntries, CompactionPercentage = 0.10 });
    }

    public int Count => _cache.Count;

    public bool TryGet(TokenHash key, object keysVersion, out CachedToken entry)
    {
        if (_cache.TryGetValue(key, out CachedToken? found) && found is not null
            && ReferenceEquals(found.KeysVersion, keysVersion) && found.ExpiresAt > _time.GetUtcNow())
        {
            entry = found;
            return true;
        }

        entry = null!;
        return false;
    }

    public void Add(TokenHash key, CachedToken entry)
    {
        if (entry.ExpiresAt <= _time.GetUtcNow())
        {
            return;
        }

        using var cacheEntry = _cache.CreateEntry(key);
        cacheEntry.Size = 1;
        cacheEntry.AbsoluteExpiration = entry.ExpiresAt;
        cacheEntry.Value = entry;
    }

    public void Clear() => _cache.Clear();

    public void Dispose() => _cache.Dispose();
}
