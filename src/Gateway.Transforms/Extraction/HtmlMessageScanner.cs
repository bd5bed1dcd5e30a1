using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace Gateway.Transforms.Extraction;

/// <summary>
/// Reads the headline of an HTML error page (<c>&lt;h1&gt;</c>, then <c>&lt;title&gt;</c>, then <c>&lt;h2&gt;</c>) as
/// text: tags stripped, entities decoded. Default pages of IIS, Apache, nginx and Tomcat all carry one of them. A
/// servlet container's status report has the application's message in a row of its own.
/// </summary>
/// <remarks>The page is searched as UTF-8 bytes (tags are ASCII, found by the runtime's vectorized search) and only the
/// candidates' content is decoded: a large page is neither decoded nor copied to read three short elements.</remarks>
internal static class HtmlMessageScanner
{
    private const int MaxContent = 2048;

    // Enough bytes for MaxContent UTF-16 code units: every code unit takes at most 3 bytes, plus a cut character.
    private const int MaxContentBytes = 3 * MaxContent + 4;

    // How far into a page a servlet container's status report is looked for.
    private const int ReportWindow = 8 * 1024;

    // Content up to this many bytes is read in buffers on the stack.
    private const int SmallContent = 256;

    // Exactly as Jetty 9's ErrorHandler.badMessageError writes it.
    private static ReadOnlySpan<byte> JettyReason => "<pre>reason: "u8;

    /// <summary>The number of candidate elements.</summary>
    public const int Elements = 6;

    /// <summary>The text of one candidate element, in priority order: 0 <c>h1</c>, 1 <c>title</c>, 2 <c>h2</c>, then the
    /// message row of a servlet container's status report (3 Tomcat, 4 Jetty), where <c>sendError(404, "…")</c> puts
    /// the application's message under a headline that is only the status, and 5 the paragraph right after the
    /// <c>h1</c> (Werkzeug's <c>abort(400, "…")</c>, Apache) or Jetty 9's <c>&lt;pre&gt;reason: …</c> there.</summary>
    /// <param name="html">The page as valid UTF-8.</param>
    /// <param name="element">The element's priority.</param>
    public static string? Candidate(ReadOnlySpan<byte> html, int element) => element switch
    {
        0 => ElementText(html, "<h1"u8, "</h1"u8),
        1 => ElementText(html, "<title"u8, "</title"u8),
        2 => ElementText(html, "<h2"u8, "</h2"u8),
        3 => ReportMessage(html, "<b>message</b>"u8, "</p"u8),
        4 => ReportMessage(html, "<th>message:</th>"u8, "</td"u8),
        _ => ParagraphAfterHeadline(html),
    };

    // <h1>Bad Request</h1>\n<p>Grade must be between 1 and 12.</p>: Werkzeug and Apache put the description under a
    // headline that is only the reason phrase. Their stock descriptions say nothing the generic message does not.
    // Jetty answers a request its parser rejects with <h1>Bad Message 400</h1><pre>reason: …</pre>: the reason
    // ("Illegal character CNTL=0x0", "Duplicate Content-Length") is the parser's fixed account of what the client sent
    // wrong and names nothing of the server; a bare "Bad Request" there still falls through as a reason phrase.
    private static string? ParagraphAfterHeadline(ReadOnlySpan<byte> html)
    {
        html = html[..Utf8Boundary.Cut(html, ReportWindow)];
        var h1 = FindOpenTag(html, "<h1"u8);
        var close = h1 < 0 ? -1 : AsciiSearch.IndexOfIgnoreCase(html[h1..], "</h1>"u8);
        if (close < 0)
        {
            return null;
        }

        var rest = html[(h1 + close + "</h1>".Length)..].TrimStart(" \t\r\n"u8);
        if (rest.StartsWith(JettyReason))
        {
            var reason = rest[JettyReason.Length..];
            var end = AsciiSearch.IndexOfIgnoreCase(reason, "</pre"u8);
            return TextOf(end < 0 ? reason : reason[..end]).Trim();
        }

        var text = FindOpenTag(rest, "<p"u8) == 0 ? ElementText(rest, "<p"u8, "</p"u8)?.Trim() : null;
        return text is null || StockDescriptions.IsStock(text) ? null : text;
    }

    // The text after a report's label (lower case: the search ignores case) up to the row's end. The containers' own
    // texts are no message: Tomcat's "The requested resource [/ctx/path] is not available" and a bare path (Tomcat 7,
    // JBoss) name only what was asked for.
    private static string? ReportMessage(ReadOnlySpan<byte> html, ReadOnlySpan<byte> label, ReadOnlySpan<byte> end)
    {
        // Reports are a few hundred bytes: a large page is not searched to its end for a row it cannot have. The window
        // ends before a character it would cut.
        html = html[..Utf8Boundary.Cut(html, ReportWindow)];
        var at = AsciiSearch.IndexOfIgnoreCase(html, label);
        if (at < 0)
        {
            return null;
        }

        var rest = html[(at + label.Length)..];
        var close = AsciiSearch.IndexOfIgnoreCase(rest, end);
        var text = TextOf(close < 0 ? rest : rest[..close]).Trim();
        var containerText = text.StartsWith("The requested resource [", StringComparison.Ordinal)
            || !text.Contains(' ', StringComparison.Ordinal);
        return containerText ? null : text;
    }

    private static string? ElementText(ReadOnlySpan<byte> html, ReadOnlySpan<byte> openTag, ReadOnlySpan<byte> closeTag)
    {
        var open = FindOpenTag(html, openTag);
        if (open < 0)
        {
            return null;
        }

        var start = html[open..].IndexOf((byte)'>');
        if (start < 0)
        {
            return null;
        }

        start += open + 1;
        var close = AsciiSearch.IndexOfIgnoreCase(html[start..], closeTag);
        var content = html.Slice(start, close < 0 ? html.Length - start : close);
        return TextOf(content);
    }

    // "<h1" must be followed by '>', '/' or whitespace, so "<h10>" or "<header>" do not count.
    // One search walks the page however many "<h10>" it passes.
    private static int FindOpenTag(ReadOnlySpan<byte> html, ReadOnlySpan<byte> tag)
    {
        var search = new AsciiSearch(html, tag, stackalloc byte[AsciiSearch.MaxAnchor]);
        var from = 0;
        while (true)
        {
            var at = search.Next(from);
            if (at < 0)
            {
                return -1;
            }

            var next = at + tag.Length;
            if (next >= html.Length || html[next] is (byte)'>' or (byte)'/' || IsWhiteSpace(html[next..]))
            {
                return at;
            }

            from = next;
        }
    }

    // char.IsWhiteSpace of the character the bytes start with (U+00A0 and U+2000 too); one outside the BMP never is.
    private static bool IsWhiteSpace(ReadOnlySpan<byte> utf8) =>
        Rune.DecodeFromUtf8(utf8, out var rune, out _) == OperationStatus.Done && Rune.IsWhiteSpace(rune);

    // The first MaxContent characters of the content, tags stripped, then entities decoded (as WebUtility.HtmlDecode
    // of the stripped text); tags become spaces ("Server Error<br>in" stays two words) and whitespace is collapsed
    // later. One string: stripping writes over what it has read, decoding into a second pooled buffer.
    [SkipLocalsInit] // the buffers are read only where written
    private static string TextOf(ReadOnlySpan<byte> content)
    {
        if (content.Length > MaxContentBytes)
        {
            content = content[..MaxContentBytes];
        }

        // A headline (nearly every one) fits on the stack: no buffers from the pool.
        if (content.Length <= SmallContent)
        {
            Span<char> text = stackalloc char[SmallContent];
            Span<char> decoded = stackalloc char[SmallContent];
            return TextOf(content, text, decoded);
        }

        var chars = ArrayPool<char>.Shared.Rent(content.Length);
        var rented = ArrayPool<char>.Shared.Rent(Math.Min(content.Length, MaxContent));
        try
        {
            return TextOf(content, chars, rented);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    // chars: as many as content has bytes; decoded: as many as content has bytes, or MaxContent.
    private static string TextOf(ReadOnlySpan<byte> content, Span<char> chars, Span<char> decoded)
    {
        // A character cut at the end decodes to U+FFFD past MaxContent, where nothing is read.
        var text = chars[..Math.Min(MaxContent, Encoding.UTF8.GetChars(content, chars))];
        var stripped = 0;
        var inTag = false;
        foreach (var c in text)
        {
            if (c == '<')
            {
                inTag = true;
                text[stripped++] = ' ';
            }
            else if (c == '>' && inTag)
            {
                inTag = false;
            }
            else if (!inTag)
            {
                text[stripped++] = c;
            }
        }

        return new string(decoded[..HtmlEntityText.Decode(text[..stripped], decoded)]);
    }
}
