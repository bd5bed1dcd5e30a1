using System.Collections.Frozen;
using System.Globalization;
using Gateway.Transforms.Errors;

namespace Gateway.Transforms.Extraction;

/// <summary>Normalizes candidate messages: one line, no control or invisible characters, a sane length.</summary>
internal static class MessageText
{
    /// <summary>The longest message kept; longer ones are cut at a word boundary and end with an ellipsis.</summary>
    public const int MaxLength = 300;

    private const int RunWindow = 512;

    // Placeholders frameworks put where a message would be; showing them helps nobody.
    private static readonly FrozenSet<string> s_junk = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "error", "errors", "exception", "null", "undefined", "none", "nil", "false", "true", "ok", "n/a", "unknown",
        "unknown error", "No message available", "No message", "message", "fault", "failure", "failed", "missing",
        // Framework placeholders that say only that something failed (Web API, WCF, ASP.NET, Rails, Express pages).
        "An error has occurred", "An error occurred", "An unexpected error occurred", "An unexpected error has occurred",
        "Unexpected error", "Error occurred", "Request Error", "Application Error", "Runtime Error", "System Error",
        "Something went wrong", "Oops", "Error page");

    // Reason phrases add nothing to the payload's own type/title; the generic message says more.
    private static readonly FrozenSet<string> s_reasonPhrases = BuildReasonPhrases();

    // Looked up by span: a message is not copied to be compared.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_junkLookup = s_junk.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_reasonPhraseLookup =
        s_reasonPhrases.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Collapses whitespace, drops control and format characters, trims and bounds the length.</summary>
    /// <returns>The cleaned text (<paramref name="raw"/> itself when cleaning changes nothing), or
    /// <see langword="null"/> when nothing is left.</returns>
    public static string? Clean(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        // Truncate reads the first MaxLength characters and whether there are more, so one more is all that is kept.
        Span<char> cleaned = stackalloc char[MaxLength + 1];
        var length = CleanInto(raw, cleaned);
        if (length == 0)
        {
            return null;
        }

        // Most messages are clean already: no copy of them.
        return length == raw.Length && length <= MaxLength && cleaned[..length].SequenceEqual(raw) ? raw : Truncate(cleaned[..length]);
    }

    // Writes the cleaned text until the destination is full; returns its length.
    private static int CleanInto(ReadOnlySpan<char> source, Span<char> cleaned)
    {
        var length = 0;
        var pendingSpace = false;
        while (!source.IsEmpty && length < cleaned.Length)
        {
            // Printable ASCII (nearly all of a message) is copied a run at a time, up to its first doubled space; the
            // spaces after that are one pending space. A bounded window: each run costs what it consumes.
            var window = source[..Math.Min(source.Length, RunWindow)];
            var run = window.IndexOfAnyExceptInRange(' ', '~');
            run = run < 0 ? window.Length : run;
            if (run > 0)
            {
                var segment = window[..run];
                var doubled = segment.IndexOf("  ", StringComparison.Ordinal);
                segment = doubled < 0 ? segment : segment[..(doubled + 1)];
                length = CopyRun(segment, cleaned, length, ref pendingSpace);
                source = source[segment.Length..];
                source = doubled < 0 ? source : source.TrimStart(' ');
                continue;
            }

            // Any other character as the rules say.
            var c = source[0];
            source = source[1..];
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = length > 0;
                continue;
            }

            // Zero-width and bidi controls could hide or reorder text in the client's UI.
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                continue;
            }

            length = Append(cleaned, length, ref pendingSpace, [c]);
        }

        return length;
    }

    // A run of printable ASCII and spaces, none doubled: a leading or trailing space is one pending space, the words
    // between are copied as they are.
    private static int CopyRun(ReadOnlySpan<char> run, Span<char> cleaned, int length, ref bool pendingSpace)
    {
        if (run[0] == ' ')
        {
            pendingSpace = length > 0;
            run = run[1..];
        }

        var trailing = !run.IsEmpty && run[^1] == ' ';
        if (trailing)
        {
            run = run[..^1];
        }

        if (!run.IsEmpty)
        {
            length = Append(cleaned, length, ref pendingSpace, run);
        }

        if (trailing)
        {
            pendingSpace = length > 0;
        }

        return length;
    }

    // Writes the pending space, then as much of the text as fits.
    private static int Append(Span<char> cleaned, int length, ref bool pendingSpace, ReadOnlySpan<char> text)
    {
        if (pendingSpace)
        {
            cleaned[length++] = ' ';
            pendingSpace = false;
            if (length == cleaned.Length)
            {
                return length;
            }
        }

        var take = Math.Min(text.Length, cleaned.Length - length);
        text[..take].CopyTo(cleaned[length..]);
        return length + take;
    }

    /// <summary>Drops a leading "404 - ", "HTTP Status 404 – ", "HTTP Error 404.0 - " or "HTTP/1.1 404 " for this status.</summary>
    public static string StripStatusPrefix(string message, int status)
    {
        // Every prefix starts with H, E, S or the code: most messages are settled by their first character.
        if (message.Length == 0 || message[0] is not ('H' or 'h' or 'E' or 'e' or 'S' or 's' or (>= '0' and <= '9')))
        {
            return message;
        }

        var span = message.AsSpan();
        foreach (var prefix in (ReadOnlySpan<string>)["HTTP/1.0 ", "HTTP/1.1 ", "HTTP/2 ", "HTTP Status ", "HTTP Error ", "HTTP ", "Error ", "Status "])
        {
            if (span.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                span = span[prefix.Length..];
                break;
            }
        }

        // The code as three digits, without a string of its own.
        Span<char> code = stackalloc char[4];
        if (!status.TryFormat(code, out var digits, default, CultureInfo.InvariantCulture) || digits != 3
            || !span.StartsWith(code[..3], StringComparison.Ordinal))
        {
            return message;
        }

        span = span[3..];
        if (span.Length > 1 && span[0] == '.' && char.IsAsciiDigit(span[1]))
        {
            span = span[1..].TrimStart("0123456789");
        }

        if (!span.IsEmpty && !char.IsWhiteSpace(span[0]) && span[0] is not ('-' or '–' or '—' or ':' or '.'))
        {
            return message; // "4040 items" is not a status prefix
        }

        return span.TrimStart(" \t-–—:.").ToString();
    }

    /// <summary>Whether a cleaned message says something: letters, not a placeholder, not a bare reason phrase (with or
    /// without its code in parentheses), not an error word with only a number, not a framework's "Cannot GET /path".</summary>
    public static bool IsInformative(string message)
    {
        var letters = 0;
        foreach (var c in message)
        {
            if (char.IsLetter(c) && ++letters >= 2)
            {
                break;
            }
        }

        var core = StatusOnlyText.WithoutCodeInParentheses(StatusOnlyText.Unwrapped(message.AsSpan()));
        return letters >= 2 && !s_junkLookup.Contains(core) && !IsReasonPhrase(core) && !StatusOnlyText.IsErrorNumber(core)
            && !StatusOnlyText.IsRouteMiss(core);
    }

    // Also as a code: CouchDB's {"error":"not_found","reason":"missing"} and its like spell the phrase in snake case.
    private static bool IsReasonPhrase(ReadOnlySpan<char> text)
    {
        if (s_reasonPhraseLookup.Contains(text))
        {
            return true;
        }

        if (text.Length > 64 || !text.Contains('_') || text.Contains(' '))
        {
            return false;
        }

        Span<char> spaced = stackalloc char[text.Length];
        text.Replace(spaced, '_', ' ');
        return s_reasonPhraseLookup.Contains(spaced);
    }

    private static string Truncate(ReadOnlySpan<char> text)
    {
        if (text.Length <= MaxLength)
        {
            return text.ToString();
        }

        // Cut at the last space that keeps at least half the budget; otherwise cut hard, never inside a surrogate pair.
        var cut = text[..MaxLength].LastIndexOf(' ');
        if (cut < MaxLength / 2)
        {
            cut = char.IsHighSurrogate(text[MaxLength - 2]) ? MaxLength - 2 : MaxLength - 1;
        }

        return string.Concat(text[..cut].TrimEnd(" ,;:-"), "…");
    }

    private static FrozenSet<string> BuildReasonPhrases()
    {
        var phrases = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Payload Too Large", "Request Entity Too Large", "Unprocessable Content", "Internal Error", "Server Error",
            "Client Error", "Not Implemented", "Misdirected Request", "Upgrade Required", "Gone", "Expectation Failed",
            "Locked", "Failed Dependency", "Too Early", "Unavailable For Legal Reasons", "Request Timeout",
            "HTTP Version Not Supported", "Insufficient Storage", "Loop Detected", "Network Authentication Required",
            "Proxy Authentication Required", "Range Not Satisfiable", "I'm a teapot", "Request Header Fields Too Large",
        };
        for (var status = 400; status < 600; status++)
        {
            phrases.Add(StatusDefaults.Title(status));
        }

        return phrases.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
