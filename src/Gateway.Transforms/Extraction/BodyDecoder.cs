using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Gateway.Transforms.Extraction;

/// <summary>Turns body bytes into text: BOM first, then the declared charset, else UTF-8. Invalid bytes become U+FFFD.</summary>
internal static class BodyDecoder
{
    /// <param name="body">The raw (already content-decoded) bytes.</param>
    /// <param name="charset">The declared charset, if any.</param>
    /// <param name="utf8">The body as valid UTF-8 without a BOM, for the JSON reader: a slice of
    /// <paramref name="body"/> when it already is, otherwise the text re-encoded.</param>
    /// <param name="rented">The pooled buffer that holds the text of a valid UTF-8 body (the common case), which the
    /// caller returns to <see cref="ArrayPool{T}.Shared"/>; <see langword="null"/> when the text is a new string.</param>
    public static ReadOnlySpan<char> Decode(ReadOnlySpan<byte> body, string? charset, out ReadOnlySpan<byte> utf8, out char[]? rented)
    {
        var encoding = Detect(body, charset, out var preamble);
        var payload = body[preamble..];
        if (encoding is UTF8Encoding && Utf8.IsValid(payload))
        {
            utf8 = payload;

            // UTF-8 never yields more UTF-16 code units than it has bytes.
            rented = ArrayPool<char>.Shared.Rent(payload.Length);
            return rented.AsSpan(0, Encoding.UTF8.GetChars(payload, rented));
        }

        rented = null;
        var text = encoding.GetString(payload);
        utf8 = Encoding.UTF8.GetBytes(text);
        return text;
    }

    private static Encoding Detect(ReadOnlySpan<byte> body, string? charset, out int preamble)
    {
        preamble = 0;
        if (body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            preamble = 3;
            return Encoding.UTF8;
        }

        if (body.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            preamble = 2;
            return Encoding.Unicode;
        }

        if (body.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            preamble = 2;
            return Encoding.BigEndianUnicode;
        }

        return charset?.Trim().ToUpperInvariant() switch
        {
            "UTF-16" or "UTF-16LE" or "UNICODE" => Encoding.Unicode,
            "UTF-16BE" => Encoding.BigEndianUnicode,

            // Windows-1252 differs from Latin-1 only in 0x80–0x9F, which hold no marker the scanner looks for.
            "ISO-8859-1" or "LATIN1" or "WINDOWS-1252" or "CP1252" => Encoding.Latin1,
            _ => Encoding.UTF8,
        };
    }
}
