using System.Buffers;
using Gateway.Transforms.Extraction;
using Gateway.Transforms.Scrubbing;

namespace Gateway.Transforms.Errors;

/// <summary>Decodes, sniffs, reads and scans one error body.</summary>
/// <remarks>An ASCII body (nearly every one) is read as its bytes: only the start the sniffer and the text reader need
/// is decoded, unless an integrity marker or an entity asks for the whole text.</remarks>
internal static class BodyInspector
{
    private const int Utf8ScanFrom = BodyDecoder.DecodeWholeBelow;

    /// <param name="readMessage">Whether the message could be shown. When not, it is read only where its leaks could
    /// escape the body's own scans (<see cref="HidesEscapedText"/>), for the verdict's leak kinds; a wrapped document's
    /// is read anyway (reading it tells whether it is JSON, which decides how the body is unescaped for the scan).</param>
    public static BodyInspection Inspect(int upstreamStatus, ReadOnlySpan<byte> body, MediaType media, bool truncated, bool readMessage = true)
    {
        // Not a using variable: those are read-only, and the text keeps what it decoded.
        var text = BodyDecoder.Decode(body, media.Charset);
        try
        {
            var format = FormatSniffer.Sniff(ref text, media);
            var markup = format is BodyFormat.Xml ? text.All().ToString() : null;

            // A prefix parses into half-truths (a cut-off message, a list missing its worst entries): read nothing from it.
            ChosenMessage message = default;
            JsonFacts? json = null;
            var document = truncated ? default : Wrapped(format, text.Utf8, upstreamStatus, ref message);
            if (!document.IsEmpty)
            {
                format = BodyFormat.Json;
            }
            else if (!truncated && (readMessage || HidesEscapedText(format, text.Utf8)))
            {
                message = MessageExtractor.Choose(format, ref text, markup, upstreamStatus, media.IsForm, out json);
            }

            var (leaks, integrity) = ScanRaw(ref text);
            ScanUnescaped(format, ref text, document.IsEmpty ? text.Utf8 : document, markup, ref leaks, ref integrity);
            return new BodyInspection(format, message, json, leaks, integrity);
        }
        finally
        {
            text.Dispose();
        }
    }

    // Escapes the body's scans do not undo but the message's do: percent-encoding anywhere (a form, an echoed URL), and
    // JSON escapes or entities in text that is neither JSON nor markup (a document that failed to parse).
    private static bool HidesEscapedText(BodyFormat format, ReadOnlySpan<byte> utf8) =>
        HasPercentEscape(utf8) || (format is not (BodyFormat.Json or BodyFormat.Html or BodyFormat.Xml) && utf8.IndexOfAny("\\&"u8) >= 0);

    // "%2F", not the "100%" of a page's CSS.
    private static bool HasPercentEscape(ReadOnlySpan<byte> utf8)
    {
        for (var at = utf8.IndexOf((byte)'%'); at >= 0; at = utf8.IndexOf((byte)'%'))
        {
            if (at + 2 < utf8.Length && char.IsAsciiHexDigit((char)utf8[at + 1]) && char.IsAsciiHexDigit((char)utf8[at + 2]))
            {
                return true;
            }

            utf8 = utf8[(at + 1)..];
        }

        return false;
    }

    // One pass finds the leak markers and the integrity markers; the integrity regex runs only if one was seen.
    // ASCII is scanned as its bytes, whose positions are the text's: the AVX2 pass reads bytes. Other UTF-8 of some
    // size is searched as bytes too while every marker is refuted by its guard (clean text, which then is never decoded
    // whole: 20 % faster at 64 KiB and 1 MiB); a marker that passes sends it to the UTF-16 scan. A small body is decoded
    // at once, which measured 15 % faster at 1 KiB than the guards' own views.
    private static (LeakKinds Leaks, bool Integrity) ScanRaw(ref BodyText text)
    {
        if (!text.IsAscii && text.Utf8.Length >= Utf8ScanFrom && LeakScanner.IsCleanUtf8(text.Utf8, out var cleanMarker))
        {
            return (LeakKinds.None, cleanMarker && IntegrityViolationDetector.IsMatchAroundMarkers(text.All(), default));
        }

        var ascii = text.IsAscii ? text.Utf8 : default;
        var leaks = text.IsAscii ? LeakScanner.Scan(ascii, out var integrityMarker) : LeakScanner.Scan(text.All(), out integrityMarker);
        return (leaks, integrityMarker && IntegrityViolationDetector.IsMatchAroundMarkers(text.All(), ascii));
    }

    // A JSON document behind a JSONP callback or an anti-hijacking prefix is read as the JSON it is; empty when the text
    // is no such wrapper or the inside is no JSON.
    private static ReadOnlySpan<byte> Wrapped(BodyFormat format, ReadOnlySpan<byte> utf8, int upstreamStatus, ref ChosenMessage message)
    {
        var document = format == BodyFormat.Text ? JsonEnvelope.Content(utf8) : default;
        if (document.IsEmpty)
        {
            return default;
        }

        var chosen = MessageExtractor.ChooseWrapped(document, upstreamStatus, out var read);
        if (!read)
        {
            return default;
        }

        message = chosen;
        return document;
    }

    // Serializers and templates escape exactly the characters the patterns anchor on (quotes, slashes, '<'), so the
    // unescaped text is scanned too: JSON strings, and markup with its entities decoded.
    private static void ScanUnescaped(
        BodyFormat format, ref BodyText text, scoped ReadOnlySpan<byte> jsonDocument, string? markup, ref LeakKinds leaks, ref bool integrity)
    {
        var utf8 = text.Utf8;
        var json = format == BodyFormat.Json && jsonDocument.Contains((byte)'\\');
        if (!json && !(format is BodyFormat.Html or BodyFormat.Xml && utf8.Contains((byte)'&')))
        {
            return;
        }

        if (!json && ScanUnescapedMarkup(utf8, ref leaks, ref integrity))
        {
            return;
        }

        // Neither form is longer unescaped: a UTF-8 byte is at most one UTF-16 unit, an entity at least one character.
        var markupText = json ? default : markup is null ? text.All() : markup.AsSpan();
        var buffer = ArrayPool<char>.Shared.Rent(json ? jsonDocument.Length : markupText.Length);
        try
        {
            var unescaped = buffer.AsSpan(0, json ? JsonStringCollector.Collect(jsonDocument, buffer) : HtmlEntityText.Decode(markupText, buffer));
            // Only kinds the raw text did not show can add anything: a page full of frames is not searched twice.
            leaks = LeakScanner.ScanForMore(unescaped, leaks);
            integrity |= IntegrityViolationDetector.IsMatch(unescaped);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    // Markup is unescaped as UTF-8 (its text is the body's, which is valid UTF-8) and scanned as bytes: the page is
    // not decoded to UTF-16. False in the never-seen case that an entity decodes to something UTF-8 cannot hold.
    private static bool ScanUnescapedMarkup(ReadOnlySpan<byte> utf8, ref LeakKinds leaks, ref bool integrity)
    {
        // An entity's UTF-8 is never longer than the entity.
        var buffer = ArrayPool<byte>.Shared.Rent(utf8.Length);
        try
        {
            var length = HtmlEntityUtf8.Decode(utf8, buffer.AsSpan(0, utf8.Length));
            if (length < 0)
            {
                return false;
            }

            var unescaped = buffer.AsSpan(0, length);
            leaks = LeakScanner.ScanForMore(unescaped, leaks);
            integrity |= IntegrityViolationDetector.IsMatch(unescaped);
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
