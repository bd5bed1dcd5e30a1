using System.Buffers;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace Gateway.Auth.Jwt;

/// <summary>The SHA-256 of a token: the cache key, so the cache never holds bearer tokens themselves.</summary>
internal readonly record struct TokenHash(ulong A, ulong B, ulong C, ulong D)
{
    private const int StackLimit = 1024;

    public static TokenHash Of(string token) => Of(token.AsSpan());

    public static TokenHash Of(ReadOnlySpan<char> token)
    {
        var byteCount = Encoding.UTF8.GetByteCount(token);
        byte[]? rented = null;
        var bytes = byteCount <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(byteCount));
        try
        {
            var written = Encoding.UTF8.GetBytes(token, bytes);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(bytes[..written], hash);
            var words = MemoryMarshal.Cast<byte, ulong>(hash);
            return new TokenHash(words[0], words[1], words[2], words[3]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
