using System.Buffers;

namespace Gateway.Transforms.Extraction;

/// <summary>Decides how to read a body from its first characters; the declared type only breaks ties.</summary>
internal static class FormatSniffer
{
    public const int Window = 2048;

    // Searched all at once, ignoring case: a vectorized search where string.Contains ignoring case is a scalar loop
    // under invariant globalization.
    private static readonly SearchValues<string> s_htmlMarkers = SearchValues.Create(
        ["<!doctype html", "<html", "<head", "<body", "<title", "<h1", "<div", "<p>", "<br", "<table"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<char> s_nameEnd = SearchValues.Create(" \t\r\n/>");

    private static readonly SearchValues<string> s_htmlElement = SearchValues.Create(["<html"], StringComparison.OrdinalIgnoreCase);

    // What LooksBinary counts: NUL, U+FFFD and the control characters other than tab, line feed, carriage return and
    // form feed. Its ASCII part is one set (searched vectorized in any text); the C1 controls are a range.
    private static readonly SearchValues<char> s_oddAscii = SearchValues.Create(
        [.. Enumerable.Range(0, 0x80).Select(c => (char)c).Where(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f'))]);

    /// <summary>Sniffs the start of a body: at most a few KiB of it are decoded.</summary>
    public static BodyFormat Sniff(ref BodyText body, MediaType media) => Sniff(body.TrimmedStart(Window), media, body.IsAscii);

    /// <summary>Sniffs text: only its first <see cref="Window"/> characters after leading whitespace are read.</summary>
    public static BodyFormat Sniff(ReadOnlySpan<char> text, MediaType media) => Sniff(text, media, ascii: false);

    private static BodyFormat Sniff(ReadOnlySpan<char> text, MediaType media, bool ascii)
    {
        var span = text.TrimStart();
        if (span.IsEmpty)
        {
            return BodyFormat.Empty;
        }

        var window = span[..Math.Min(span.Length, Window)];
        if (LooksBinary(window, ascii))
        {
            return BodyFormat.Binary;
        }

        return span[0] switch
        {
            '{' or '[' => BodyFormat.Json,
            '"' when media.IsJson => BodyFormat.Json,
            '<' => IsHtml(window) ? BodyFormat.Html : BodyFormat.Xml,
            _ => media.IsHtml && ContainsHtmlMarker(window) ? BodyFormat.Html : BodyFormat.Text,
        };
    }

    // An XML declaration means XML unless the document is XHTML; so does a SOAP envelope without one, whose unprefixed
    // <Body> is no HTML body; otherwise any common HTML tag means HTML.
    private static bool IsHtml(ReadOnlySpan<char> window) =>
        window.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) || IsEnvelope(window)
            ? window.ContainsAny(s_htmlElement)
            : ContainsHtmlMarker(window);

    // The first element is a SOAP Envelope, in any prefix: "<Envelope xmlns=…>", "<SOAP-ENV:Envelope …>".
    private static bool IsEnvelope(ReadOnlySpan<char> window)
    {
        var name = window[1..];
        var end = name.IndexOfAny(s_nameEnd);
        name = end < 0 ? name : name[..end];
        return name[(name.IndexOf(':') + 1)..].SequenceEqual("Envelope");
    }

    private static bool ContainsHtmlMarker(ReadOnlySpan<char> window) => window.ContainsAny(s_htmlMarkers);

    // Text has few control characters; decoded binary has many, plus replacement characters for invalid UTF-8.
    private static bool LooksBinary(ReadOnlySpan<char> window, bool ascii)
    {
        // Nearly every body has none of them: one vectorized search settles it (an ASCII body has no others).
        if (!window.ContainsAny(s_oddAscii) && (ascii || (!window.ContainsAnyInRange('\u0080', '\u009F') && !window.Contains('\uFFFD'))))
        {
            return false;
        }

        var odd = 0;
        foreach (var c in window)
        {
            if (c == '\0' || c == '\uFFFD' || (char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f')))
            {
                odd++;
            }
        }

        return odd * 10 > window.Length;
    }
}
