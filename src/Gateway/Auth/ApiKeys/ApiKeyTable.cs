using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;

namespace Gateway.Auth.ApiKeys;

/// <summary>
/// Finds the entry whose stored SHA-256 matches a presented key. Entries are indexed by the hash's first 8 bytes and
/// confirmed with <see cref="CryptographicOperations.FixedTimeEquals"/> on all 32: what timing could reveal depends
/// only on the hash of what the caller sent, which the caller knows anyway, never on a stored key.
/// </summary>
internal sealed class ApiKeyTable
{
    /// <summary>Longer keys are refused before hashing.</summary>
    public const int MaxKeyLength = 512;

    private readonly FrozenDictionary<ulong, ApiKeyEntry[]> _byPrefix;

    public ApiKeyTable(IReadOnlyList<ApiKeyEntry> entries)
    {
        Entries = entries;
        _byPrefix = entries.GroupBy(e => Prefix(e.Hash)).ToFrozenDictionary(g => g.Key, g => g.ToArray());
    }

    public IReadOnlyList<ApiKeyEntry> Entries { get; }

    public ApiKeyEntry? Find(ReadOnlySpan<char> presented)
    {
        if (presented.IsEmpty || presented.Length > MaxKeyLength)
        {
            return null;
        }

        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(presented.Length));
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        try
        {
            var length = Encoding.UTF8.GetBytes(presented, rented);
            SHA256.HashData(rented.AsSpan(0, length), hash);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(rented);
            ArrayPool<byte>.Shared.Return(rented);
        }

        if (!_byPrefix.TryGetValue(Prefix(hash), out var candidates))
        {
            return null;
        }

        ApiKeyEntry? found = null;
        foreach (var entry in candidates)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, entry.Hash))
            {
                found = entry;
            }
        }

        return found;
    }

    /// <summary>Parses 64 hex digits (either case) into the 32 hash bytes.</summary>
    public static bool TryParseHash(string? text, out byte[] hash)
    {
        hash = [];
        var trimmed = text?.Trim();
        if (trimmed is null || trimmed.Length != SHA256.HashSizeInBytes * 2 || !trimmed.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        hash = Convert.FromHexString(trimmed);
        return true;
    }

    /// <summary>The stored form of a key, for docs and tests: lower-case hex SHA-256 of its UTF-8 bytes.</summary>
    public static string HashOf(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static ulong Prefix(ReadOnlySpan<byte> hash) => BinaryPrimitives.ReadUInt64LittleEndian(hash);
}
