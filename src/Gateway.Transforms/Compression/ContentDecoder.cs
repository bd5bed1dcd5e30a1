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
    /// (<see langword="null"/>, empty or <c>identity</c>), writing at most <paramref name="maxBytes"/> bytes.
    /// Stacked codings (<c>gzip, br</c>) are not supported. A body that is plainly not compressed (text, see
    /// <see cref="LooksUnencoded"/>) is read as identity whatever its label. Never throws.
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
    /// <returns><see langword="false"/> for an unknown or stacked coding, corrupt or incomplete data, or a negative bound.</returns>
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
        var coding = Parse(contentEncoding);
        if (coding == ContentCoding.Unsupported || maxBytes < 0)
        {
            return false;
        }

        // Mislabelled: a framework set the header but sent plain text, or a proxy decoded the body and kept the header.
        // Browsers fail on it; an error body is still read, as the text it is.
        if (coding == ContentCoding.Identity || LooksUnencoded(encoded))
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

        var output = new BoundedOutput(maxBytes, InitialSize(encoded.Length, maxBytes));
        var ok = coding == ContentCoding.Brotli
            ? BrotliInflater.TryInflate(encoded, ref output)
            : StreamInflater.TryInflate(coding, encoded, ref output);
        if (!ok)
        {
            output.Release();
            return false;
        }

        decoded = output.Buffer;
        length = output.Length;
        truncated = output.Truncated;
        return true;
    }

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

    internal static ContentCoding Parse(string? contentEncoding)
    {
        var result = ContentCoding.Identity;
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

            // A second real coding would need intermediate buffers of unknown size; servers never stack them.
            if (coding == ContentCoding.Unsupported || result != ContentCoding.Identity)
            {
                return ContentCoding.Unsupported;
            }

            result = coding;
        }

        return result;
    }

    private static int InitialSize(int encodedLength, int maxBytes) =>
        (int)Math.Min(maxBytes, Math.Max(MinInitialSize, 4L * encodedLength));
}
