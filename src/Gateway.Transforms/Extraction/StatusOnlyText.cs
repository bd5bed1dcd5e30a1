namespace Gateway.Transforms.Extraction;

/// <summary>The shapes in which servers print only a status where a message would be: Django's "Bad Request (400)",
/// Jetty 9's "Bad Message 400", Cloudflare's "Error 1020".</summary>
internal static class StatusOnlyText
{
    // The words servers put before a bare number; "Bad Message" is Jetty's headline for a request its parser rejected.
    private static readonly string[] s_errorWords = ["Error", "Bad Message"];

    /// <summary>The text without a status code in parentheses at its end ("Bad Request (400)" → "Bad Request"), so that a
    /// reason phrase before it is recognised as one; any other text as it is.</summary>
    public static ReadOnlySpan<char> WithoutCodeInParentheses(ReadOnlySpan<char> text)
    {
        const int Suffix = 6; // "(400)" and the space before it
        return text.Length > Suffix && text[^1] == ')' && text[^5] == '(' && char.IsWhiteSpace(text[^6])
            && char.IsAsciiDigit(text[^4]) && char.IsAsciiDigit(text[^3]) && char.IsAsciiDigit(text[^2])
            ? text[..^Suffix].TrimEnd()
            : text;
    }

    /// <summary>The text without closing dots and exclamation marks and without parentheses around all of it: Google's
    /// front end titles its pages "Error 404 (Not Found)!!1", which is the reason phrase once its code is dropped.</summary>
    public static ReadOnlySpan<char> Unwrapped(ReadOnlySpan<char> text)
    {
        text = text.EndsWith("!!1", StringComparison.Ordinal) ? text[..^3] : text;
        text = text.TrimEnd(".!").Trim();
        return text.Length > 2 && text[0] == '(' && text[^1] == ')' ? text[1..^1].Trim() : text;
    }

    /// <summary>Whether the text is a framework's stock "no such route" line: Express's and NestJS's "Cannot GET /path",
    /// Fastify's "Route GET:/path not found". It says only 404, with the path as the upstream saw it (not the one the
    /// client used, once a route rewrites the path).</summary>
    public static bool IsRouteMiss(ReadOnlySpan<char> text)
    {
        if (text.StartsWith("Cannot ", StringComparison.Ordinal))
        {
            var rest = text[7..];
            var space = rest.IndexOf(' ');
            return space > 0 && IsMethod(rest[..space]) && IsPath(rest[(space + 1)..]);
        }

        if (text.StartsWith("Route ", StringComparison.Ordinal) && text.EndsWith(" not found", StringComparison.Ordinal))
        {
            var rest = text[6..^10];
            var colon = rest.IndexOf(':');
            return colon > 0 && IsMethod(rest[..colon]) && IsPath(rest[(colon + 1)..]);
        }

        return false;

        static bool IsMethod(ReadOnlySpan<char> word) => !word.IsEmpty && word.Length <= 7 && !word.ContainsAnyExceptInRange('A', 'Z');

        static bool IsPath(ReadOnlySpan<char> path) => path.StartsWith('/') && !path.ContainsAny(' ', '\t');
    }

    /// <summary>Whether the text is only an error word and a number ("Error 1020", "Bad Message 400", "ERROR: 7"): an
    /// error code whose meaning the client cannot look up.</summary>
    public static bool IsErrorNumber(ReadOnlySpan<char> text)
    {
        foreach (var word in s_errorWords)
        {
            if (text.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                var rest = text[word.Length..];
                var number = rest.TrimStart(" :#");
                return number.Length < rest.Length && !number.IsEmpty && !number.ContainsAnyExceptInRange('0', '9');
            }
        }

        return false;
    }
}
