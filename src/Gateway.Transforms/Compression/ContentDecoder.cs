using System.Buffers;
using System.IO.Compression;
using System.Text.Unicode;
using Gateway.Transforms.Extraction;

namespace Gateway.Transforms.Compression;

/// <summary>
/// Decodes an upstream body's <c>Content-Encoding</c> into a bounded buffer, so an error body can be inspected.
/// Output is capped, so a decompression bomb costs at most <c>maxBytes</c> of memory and the time to produce them.
/// </summary>
public static class ContentDecoder
{
    private const int MinInitialSize = 4096;

    /// <summary>
    /// Decodes <c>gzip</c> (<c>x-gzip</c>), <c>deflate</c> (zlib-wrapped or raw), <c>br</c>, or identity
    /// (<see langword="null"/>, empty or <c>identity</c>), writing at most <paramref name="maxBytes"/> bytes. Stacked
    /// codings (<c>gzip, br</c>: applied in that order) are undone last first, up to <see cref="MaxStacked"/>; each step's
    /// output is bounded the same way. A body that is plainly not compressed (text, see <see cref="LooksUnencoded"/>) is
    /// read as identity whatever its label, also between steps. Never throws.
    /// </summary>
    /// <remarks>
    /// A brotli stream that ends early is reported as corrupt. A gzip or deflate stream that ends early decodes to the
    /// bytes it holds: the framework's zlib streams end quietly where their input ends and do not tell the difference.
    /// </remarks>
    /// <param name="contentEncoding">The <c>Content-Encoding</c> header value.</param>
    /// <param name="encoded">The body as received.</param>
    /// <param name="maxBytes">The most decoded bytes to produce.</param>
    /// <param name="decoded">
    /// The decoded bytes in <c>decoded[..length]</c>, rented from <see cref="ArrayPool{T}.Shared"/>: the caller returns
    /// it. On <see langword="false"/> it is an empty array (which may also be returned to the pool).
    /// </param>
    /// <param name="length">How many bytes of <paramref name="decoded"/> are valid.</param>
    /// <param name="truncated">Whether the decoded data went on past <paramref name="maxBytes"/>.</param>
    /// <returns><see langword="false"/> for an unknown coding, more than <see cref="MaxStacked"/>, corrupt or incomplete
    /// data, or a negative bound.</returns>
    public static bool TryDecode(
        string? contentEncoding,
        ReadOnlySpan<byte> encoded,
        int maxBytes,
        out byte[] decoded,
        out int length,
        out bool truncated)
    {
        decoded = [];
        length = 0;
        truncated = false;
        Span<ContentCoding> codings = stackalloc ContentCoding[MaxStacked];
        var count = ParseAll(contentEncoding, codings);
        if (count < 0 || maxBytes < 0)
        {
            return false;
        }

        // Mislabelled: a framework set the header but sent plain text, or a proxy decoded the body and kept the header.
        // Browsers fail on it; an error body is still read, as the text it is.
        if (count == 0 || LooksUnencoded(encoded))
        {
            length = Math.Min(encoded.Length, maxBytes);
            truncated = encoded.Length > maxBytes;
            decoded = ArrayPool<byte>.Shared.Rent(length);
            encoded[..length].CopyTo(decoded);
            return true;
        }

        if (encoded.IsEmpty)
        {
            // An empty body stays empty whatever its coding claims (HEAD, 204, or a server that labels everything).
            return true;
        }

        // The last coding listed was applied last: it is undone first.
        var input = encoded;
        byte[]? previous = null;
        for (var step = count - 1; step >= 0; step--)
        {
            var output = new BoundedOutput(maxBytes, InitialSize(input.Length, maxBytes));
            var ok = codings[step] == ContentCoding.Brotli
                ? BrotliInflater.TryInflate(input, ref output)
                : StreamInflater.TryInflate(codings[step], input, ref output);
            if (previous is not null)
            {
                ArrayPool<byte>.Shared.Return(previous);
            }

            if (!ok)
            {
                output.Release();
                return false;
            }

            truncated |= output.Truncated;
            previous = output.Buffer;
            length = output.Length;
            input = previous.AsSpan(0, length);
            if (LooksUnencoded(input))
            {
                break; // a server that listed a coding twice but applied it once
            }
        }

        decoded = previous!;
        return true;
    }

    /// <summary>The most codings undone one after another; servers stack at most two (a compressing proxy behind another).</summary>
    public const int MaxStacked = 3;

    // Compressed data is no UTF-8 text without control characters for more than a few bytes; error bodies start with
    // markup, JSON or words.
    internal static bool LooksUnencoded(ReadOnlySpan<byte> encoded)
    {
        var head = encoded[..Math.Min(encoded.Length, 512)];
        var start = head.TrimStart(" \t\r\n"u8);
        if (start.Length < 2 || !(start[0] is (byte)'{' or (byte)'[' or (byte)'<' or (byte)'"' || char.IsAsciiLetter((char)start[0])))
        {
            return false;
        }

        foreach (var b in head)
        {
            if (b is < 0x20 and not ((byte)'\t' or (byte)'\r' or (byte)'\n') or 0x7F)
            {
                return false;
            }
        }

        // The window may cut a character in two: its lead byte and what follows are left out.
        return Utf8.IsValid(head[..Utf8Boundary.Cut(encoded, head.Length)]);
    }

    // The real codings in the order applied (identity dropped); -1 for an unknown coding or more than fit.
    internal static int ParseAll(string? contentEncoding, Span<ContentCoding> codings)
    {
        var count = 0;
        foreach (var range in (contentEncoding ?? string.Empty).AsSpan().Split(','))
        {
            var token = contentEncoding.AsSpan()[range].Trim();
            var coding = token switch
            {
                _ when token.IsEmpty || token.Equals("identity", StringComparison.OrdinalIgnoreCase) => ContentCoding.Identity,
                _ when token.Equals("gzip", StringComparison.OrdinalIgnoreCase) || token.Equals("x-gzip", StringComparison.OrdinalIgnoreCase) => ContentCoding.Gzip,
                _ when token.Equals("deflate", StringComparison.OrdinalIgnoreCase) => ContentCoding.Deflate,
                _ when token.Equals("br", StringComparison.OrdinalIgnoreCase) => ContentCoding.Brotli,
                _ => ContentCoding.Unsupported,
            };

            if (coding == ContentCoding.Identity)
            {
                continue;
            }

            if (coding == ContentCoding.Unsupported || count == codings.Length)
            {
                return -1;
            }

            codings[count++] = coding;
        }

        return count;
    }

    private static int InitialSize(int encodedLength, int maxBytes) =>
        (int)Math.Min(maxBytes, Math.Max(MinInitialSize, 4L * encodedLength));
}
