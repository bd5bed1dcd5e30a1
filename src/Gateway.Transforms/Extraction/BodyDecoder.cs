using System.Text;
using System.Text.Unicode;

namespace Gateway.Transforms.Extraction;

/// <summary>Turns body bytes into text: BOM first, then the declared charset, else UTF-8. A body said to be UTF-8 (or
/// nothing) that is no UTF-8 at all is read as windows-1252; other invalid bytes become U+FFFD.</summary>
internal static class BodyDecoder
{
    /// <summary>Below this many bytes a UTF-8 body that is not ASCII is decoded whole at once; above, only as far as it
    /// is read (the leak scan searches larger bodies as bytes).</summary>
    public const int DecodeWholeBelow = 8 * 1024;

    /// <param name="body">The raw (already content-decoded) bytes.</param>
    /// <param name="charset">The declared charset, if any.</param>
    /// <returns>The body; a valid UTF-8 body (nearly all) is not copied, and is decoded only as far as it is read.</returns>
    public static BodyText Decode(ReadOnlySpan<byte> body, string? charset)
    {
        var encoding = Detect(body, charset, out var preamble);
        var payload = body[preamble..];
        if (encoding is UTF8Encoding)
        {
            // ASCII is valid UTF-8: one vectorized pass settles nearly every body.
            if (Ascii.IsValid(payload))
            {
                return new BodyText(payload, isAscii: true, text: null);
            }

            // A small body is read whole anyway (the leak scan decodes it): decoding validates it on the way.
            if (payload.Length < DecodeWholeBelow && BodyText.TryDecodeWhole(payload, out var decoded))
            {
                return decoded;
            }

            if (payload.Length >= DecodeWholeBelow && Utf8.IsValid(payload))
            {
                return new BodyText(payload, isAscii: false, text: null);
            }

            // A servlet writing ISO-8859-1 under "charset=UTF-8", or an old CGI saying nothing: read as browsers do.
            if (preamble == 0 && LegacyText.LooksLikeWindows1252(payload))
            {
                encoding = Windows1252;
            }
        }

        var text = encoding.GetString(payload);
        var utf8 = Encoding.UTF8.GetBytes(text);
        return new BodyText(utf8, Ascii.IsValid(utf8), text);
    }

    /// <summary>The body as UTF-8 when its BOM or declared charset names another encoding; null when it is read as
    /// UTF-8 already (a UTF-8 BOM, UTF-8, or no charset), so the caller keeps its bytes.</summary>
    public static byte[]? TranscodeToUtf8(ReadOnlySpan<byte> body, string? charset)
    {
        var encoding = Detect(body, charset, out var preamble);
        return encoding is UTF8Encoding ? null : Encoding.UTF8.GetBytes(encoding.GetString(body[preamble..]));
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

        // Nearly every body says UTF-8 or nothing: no upper-case copy of the name for them.
        if (charset is null || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return Encoding.UTF8;
        }

        var name = charset.Trim().Trim('"');
        return name.ToUpperInvariant() switch
        {
            "UTF-16" or "UTF-16LE" or "UNICODE" => Encoding.Unicode,
            "UTF-16BE" => Encoding.BigEndianUnicode,
            "UTF-32" or "UTF-32LE" => Encoding.UTF32,

            // As browsers do (WHATWG Encoding): these labels mean windows-1252, whose 0x80–0x9F are quotes and dashes.
            "ISO-8859-1" or "LATIN1" or "US-ASCII" or "ASCII" or "WINDOWS-1252" or "CP1252" => Windows1252,

            // UTF-7 can hide markers in base64 runs: read as UTF-8, never decoded.
            "UTF-7" or "UNICODE-1-1-UTF-7" => Encoding.UTF8,

            // Legacy code pages (windows-1251, Shift_JIS, GBK, Big5, EUC-KR …) from the runtime's own tables.
            _ => CodePage(name) ?? Encoding.UTF8,
        };
    }

    // Latin-1 only if the runtime lacked the code page: it differs in 0x80–0x9F alone.
    private static Encoding Windows1252 { get; } = CodePage("windows-1252") ?? Encoding.Latin1;

    // Without registering the provider globally: a library should not change Encoding.GetEncoding for its host.
    private static Encoding? CodePage(string name)
    {
        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
