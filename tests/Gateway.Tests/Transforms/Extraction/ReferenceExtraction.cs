using System.Globalization;
using System.Net;
using System.Text;

namespace Gateway.Tests.Transforms.Extraction;

/// <summary>
/// The extraction as it was before it read bytes (commit 5031865): the whole body decoded to UTF-16, headlines found
/// with <see cref="StringComparison.OrdinalIgnoreCase"/>, messages cleaned char by char. The definition the faster
/// code must agree with.
/// </summary>
internal static class ReferenceExtraction
{
    private const int MaxContent = 2048;
    private const int MaxLength = 300;

    public static string?[] HtmlCandidates(string html) =>
        [ElementText(html, "h1"), ElementText(html, "title"), ElementText(html, "h2"),
            ReportMessage(html, "<b>message</b>", "</p"), ReportMessage(html, "<th>message:</th>", "</td"), ParagraphAfterHeadline(html)];

    // The <p> right after the first <h1>, within the first 8 KiB, unless it is a server's stock description; or Jetty 9's
    // "<pre>reason: …</pre>" there.
    private static string? ParagraphAfterHeadline(string html)
    {
        var prefix = Prefix(html);
        var h1 = FindOpenTag(prefix, "h1");
        var close = h1 < 0 ? -1 : prefix.IndexOf("</h1>", h1, StringComparison.OrdinalIgnoreCase);
        if (close < 0)
        {
            return null;
        }

        var rest = prefix[(close + "</h1>".Length)..].TrimStart(' ', '\t', '\r', '\n');
        if (rest.StartsWith("<pre>reason: ", StringComparison.Ordinal))
        {
            var reason = rest["<pre>reason: ".Length..];
            var end = reason.IndexOf("</pre", StringComparison.OrdinalIgnoreCase);
            return WebUtility.HtmlDecode(StripTags(reason.AsSpan(0, Math.Min(end < 0 ? reason.Length : end, MaxContent)))).Trim();
        }

        var text = FindOpenTag(rest, "p") == 0 ? ElementText(rest, "p")?.Trim() : null;
        return text is null || global::Gateway.Transforms.Extraction.StockDescriptions.IsStock(text) ? null : text;
    }

    // The scanner reads the first 8 KiB of UTF-8: the text of that prefix (cut back to a whole character).
    private static string Prefix(string html)
    {
        var utf8 = Encoding.UTF8.GetBytes(html);
        var cut = Math.Min(utf8.Length, 8 * 1024);
        while (cut > 0 && cut < utf8.Length && (utf8[cut] & 0xC0) == 0x80)
        {
            cut--;
        }

        return Encoding.UTF8.GetString(utf8, 0, cut);
    }

    private static string? ReportMessage(string html, string label, string end)
    {
        html = Prefix(html);
        var at = html.IndexOf(label, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        var start = at + label.Length;
        var close = html.AsSpan(start).IndexOf(end, StringComparison.OrdinalIgnoreCase);
        var stop = Math.Min(close < 0 ? html.Length : start + close, start + MaxContent);
        var text = WebUtility.HtmlDecode(StripTags(html.AsSpan(start, stop - start))).Trim();
        return text.StartsWith("The requested resource [", StringComparison.Ordinal) || !text.Contains(' ', StringComparison.Ordinal) ? null : text;
    }

    public static string? Clean(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        var builder = new StringBuilder();
        var pendingSpace = false;
        foreach (var c in raw)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
            if (builder.Length > MaxLength * 4)
            {
                break;
            }
        }

        return builder.Length == 0 ? null : Truncate(builder.ToString());
    }

    private static string Truncate(string text)
    {
        if (text.Length <= MaxLength)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', MaxLength - 1, MaxLength);
        if (cut < MaxLength / 2)
        {
            cut = char.IsHighSurrogate(text[MaxLength - 2]) ? MaxLength - 2 : MaxLength - 1;
        }

        return string.Concat(text.AsSpan(0, cut).TrimEnd(" ,;:-"), "…");
    }

    private static string? ElementText(string html, string tag)
    {
        var open = FindOpenTag(html, tag);
        if (open < 0)
        {
            return null;
        }

        var start = html.AsSpan(open).IndexOf('>');
        if (start < 0)
        {
            return null;
        }

        start += open + 1;
        var close = html.AsSpan(start).IndexOf("</" + tag, StringComparison.OrdinalIgnoreCase);
        var end = Math.Min(close < 0 ? html.Length : start + close, start + MaxContent);
        return WebUtility.HtmlDecode(StripTags(html.AsSpan(start, end - start)));
    }

    private static int FindOpenTag(string html, string tag)
    {
        var from = 0;
        while (true)
        {
            var at = html.AsSpan(from).IndexOf("<" + tag, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return -1;
            }

            at += from;
            var next = at + 1 + tag.Length;
            if (next >= html.Length || html[next] is '>' or '/' || char.IsWhiteSpace(html[next]))
            {
                return at;
            }

            from = next;
        }
    }

    private static string StripTags(ReadOnlySpan<char> content)
    {
        var text = new StringBuilder(content.Length);
        var inTag = false;
        foreach (var c in content)
        {
            if (c == '<')
            {
                inTag = true;
                text.Append(' ');
            }
            else if (c == '>' && inTag)
            {
                inTag = false;
            }
            else if (!inTag)
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }
}
