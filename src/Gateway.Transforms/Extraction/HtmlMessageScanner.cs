using System.Net;
using System.Text;

namespace Gateway.Transforms.Extraction;

/// <summary>
/// Reads the headline of an HTML error page (<c>&lt;h1&gt;</c>, then <c>&lt;title&gt;</c>, then <c>&lt;h2&gt;</c>) as
/// text: tags stripped, entities decoded. Default pages of IIS, Apache, nginx and Tomcat all carry one of them.
/// </summary>
internal static class HtmlMessageScanner
{
    private const int MaxContent = 2048;

    // A span, not a string: a large page is not copied to read three short elements.
    public static string?[] Candidates(ReadOnlySpan<char> html) =>
        [ElementText(html, "h1"), ElementText(html, "title"), ElementText(html, "h2")];

    private static string? ElementText(ReadOnlySpan<char> html, string tag)
    {
        var open = FindOpenTag(html, tag);
        if (open < 0)
        {
            return null;
        }

        var start = html[open..].IndexOf('>');
        if (start < 0)
        {
            return null;
        }

        start += open + 1;
        var close = html[start..].IndexOf("</" + tag, StringComparison.OrdinalIgnoreCase);
        var end = Math.Min(close < 0 ? html.Length : start + close, start + MaxContent);
        return WebUtility.HtmlDecode(StripTags(html.Slice(start, end - start)));
    }

    // "<h1" must be followed by '>', '/' or whitespace, so "<h10>" or "<header>" do not count.
    private static int FindOpenTag(ReadOnlySpan<char> html, string tag)
    {
        var from = 0;
        while (true)
        {
            var at = html[from..].IndexOf("<" + tag, StringComparison.OrdinalIgnoreCase);
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

    // Tags become spaces ("Server Error<br>in" stays two words); whitespace is collapsed later.
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
