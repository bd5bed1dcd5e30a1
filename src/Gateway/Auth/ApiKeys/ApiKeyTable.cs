using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Gateway.Auth.ApiKeys;

/// <summary>Finds the entry whose stored SHA-256 matches a presented key, in time independent of which one matches.</summary>
internal sealed class ApiKeyTable(IReadOnlyList<ApiKeyEntry> entries)
{
    /// <summary>Longer keys are refused before hashing.</summary>
    public const int MaxKeyLength = 512;

    public IReadOnlyList<ApiKeyEntry> Entries { get; } = entries;

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

        // Every entry is compared, with no early exit, so timing does not tell which key (if any) matched.
        ApiKeyEntry? found = null;
        foreach (var entry in Entries)
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
}
