using System.Buffers;
using System.Net;
using System.Text;
using Gateway.Transforms.Extraction;
using Gateway.Transforms.Scrubbing;

namespace Gateway.Transforms.Errors;

/// <summary>Decodes, sniffs, reads and scans one error body.</summary>
internal static class BodyInspector
{
    public static BodyInspection Inspect(ReadOnlySpan<byte> body, MediaType media, bool truncated)
    {
        // A valid UTF-8 body (nearly all) is decoded into a pooled buffer: JSON and text need no string of it.
        var text = BodyDecoder.Decode(body, media.Charset, out var utf8, out var rented);
        try
        {
            var format = FormatSniffer.Sniff(text, media);
            var markup = format is BodyFormat.Xml ? text.ToString() : null;

            // A prefix parses into half-truths (a cut-off message, a list missing its worst entries): read nothing from it.
            IReadOnlyList<string?> candidates = [];
            JsonFacts? json = null;
            if (!truncated)
            {
                candidates = MessageExtractor.Extract(format, text, markup, utf8, out json);
            }

            // One pass finds the leak markers and the integrity markers; the integrity regex runs only if one was seen.
            // ASCII (nearly every body) is scanned as its bytes, whose positions are the text's: the AVX2 pass reads bytes.
            var ascii = Ascii.IsValid(utf8) ? utf8 : default;
            var leaks = !ascii.IsEmpty ? LeakScanner.Scan(ascii, out var integrityMarker) : LeakScanner.Scan(text, out integrityMarker);
            var integrity = integrityMarker && IntegrityViolationDetector.IsMatchAroundMarkers(text, ascii);
            ScanUnescaped(format, text, markup, utf8, ref leaks, ref integrity);
            return new BodyInspection(format, candidates, json, leaks, integrity);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    // Serializers and templates escape exactly the characters the patterns anchor on (quotes, slashes, '<'), so the
    // unescaped text is scanned too: JSON strings, and markup with its entities decoded.
    private static void ScanUnescaped(
        BodyFormat format, ReadOnlySpan<char> text, string? markup, ReadOnlySpan<byte> utf8, ref LeakKinds leaks, ref bool integrity)
    {
        if (format == BodyFormat.Json && utf8.Contains((byte)'\\'))
        {
            var buffer = ArrayPool<char>.Shared.Rent(utf8.Length);
            try
            {
                var unescaped = buffer.AsSpan(0, JsonStringCollector.Collect(utf8, buffer));
                leaks |= LeakScanner.Scan(unescaped);
                integrity |= IntegrityViolationDetector.IsMatch(unescaped);
            }
            finally
            {
                ArrayPool<char>.Shared.Return(buffer);
            }
        }
        else if (format is BodyFormat.Html or BodyFormat.Xml && text.Contains('&'))
        {
            var decoded = WebUtility.HtmlDecode(markup ?? text.ToString());
            leaks |= LeakScanner.Scan(decoded);
            integrity |= IntegrityViolationDetector.IsMatch(decoded);
        }
    }
}
