using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;

namespace Gateway.Transforms.Scrubbing;

/// <summary>
/// Whether a marker found by the marker index can be the one its rule's match contains; markers that clean text is
/// full of ("://" in every problem type URL, "error", "at ", "fc" in "rfc9110", "user", "port", "&lt;title&gt;") are
/// refuted here, so their rules' regexes do not run.
/// </summary>
/// <remarks>
/// A guard is a necessary condition only: for every match of its rule's pattern, at least one marker occurrence inside
/// the match passes it (the one named on each guard). So refusing a marker never loses a leak; letting one through only
/// costs a regex run. The text is a view of the body: <c>start</c> and <c>length</c> place the marker in it, and where
/// the view ends before the body does, a guard that would need to read further lets the marker through.
/// The view holds the body's real characters, ASCII or not, so each character class a guard tests is the regex's own
/// (<c>\w</c>, <c>\b</c>, <c>\s</c> and <c>\d</c> are Unicode classes in .NET): a guard must see "é", a no-break
/// space or "٣" the way the pattern does. Text with characters that fold to ASCII letters never reaches a guard
/// (see <see cref="LeakRules.FoldToAscii"/>).
/// </remarks>
internal static class MarkerGuards
{
    /// <summary>A guard: may the marker at [start, start + length) of the view belong to a match of its rule?</summary>
    /// <param name="view">The text around the marker.</param>
    /// <param name="start">Where the marker starts in the view.</param>
    /// <param name="length">The marker's length.</param>
    /// <param name="viewEndsText">Whether the view ends where the body does.</param>
    public delegate bool Guard(ReadOnlySpan<char> view, int start, int length, bool viewEndsText);

    // Database schemes of ConnectionStringPatterns.Uris, one of which precedes "://" in its first alternative.
    private static readonly string[] s_databaseSchemes =
    [
        "postgres", "postgresql", "mysql", "mysqlx", "mariadb", "mongodb", "mongodb+srv", "redis", "rediss", "amqp", "amqps",
        "mssql", "sqlserver", "oracle", "couchdb", "cassandra", "neo4j", "bolt", "memcached", "ldap", "ldaps", "nats", "kafka",
        "db2", "cockroachdb", "clickhouse", "sqlite",
    ];

    private static readonly FrozenDictionary<char, string[]> s_schemesByLast =
        s_databaseSchemes.GroupBy(scheme => scheme[^1]).ToFrozenDictionary(g => g.Key, g => g.ToArray());

    // The Unicode categories of \w (RegexCharClass.WordClass): letters, non-spacing marks, decimal digits, connectors.
    private const int WordCategories =
        (1 << (int)UnicodeCategory.UppercaseLetter) | (1 << (int)UnicodeCategory.LowercaseLetter)
        | (1 << (int)UnicodeCategory.TitlecaseLetter) | (1 << (int)UnicodeCategory.ModifierLetter)
        | (1 << (int)UnicodeCategory.OtherLetter) | (1 << (int)UnicodeCategory.NonSpacingMark)
        | (1 << (int)UnicodeCategory.DecimalDigitNumber) | (1 << (int)UnicodeCategory.ConnectorPunctuation);

    // Every character \s matches (char.IsWhiteSpace), for the searches below.
    private static readonly string s_spaces = string.Concat(Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(char.IsWhiteSpace));

    // What ends the user name and the password of ConnectionStringPatterns.Uris: [^/\s:@"'<>] and [^/\s@"'<>].
    private static readonly SearchValues<char> s_userStops = SearchValues.Create("/@\"'<>:" + s_spaces);
    private static readonly SearchValues<char> s_uriStops = SearchValues.Create("/@\"'<>" + s_spaces);

    // InternalHostPatterns.SingleLabelUrl's host: [a-z0-9_-], ignoring case.
    private static readonly SearchValues<char> s_hostCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-");

    /// <summary>
    /// DebugPagePatterns.DebugTitle: "&lt;title&gt;" (this case), then on the same line and before any '&lt;',
    /// "Exception at /" or "Error at /". Marker: "&lt;title&gt;".
    /// </summary>
    public static bool DebugTitle(ReadOnlySpan<char> view, int start, int length, bool viewEndsText)
    {
        if (!view.Slice(start, length).SequenceEqual("<title>"))
        {
            return false;
        }

        var title = view[(start + length)..];
        var end = title.IndexOfAny('<', '\r', '\n');
        if (end < 0 && !viewEndsText)
        {
            return true;
        }

        title = end < 0 ? title : title[..end];
        return title.Contains("Exception at /", StringComparison.Ordinal) || title.Contains("Error at /", StringComparison.Ordinal);
    }

    /// <summary>
    /// ExceptionTypePatterns.CodeMembers: the marker in this case ("Controller.", "Service." …), right after an ASCII
    /// lower-case letter or digit (the class word's end), with a letter or '_' after it. Every marker of the rule.
    /// </summary>
    public static bool CodeMember(ReadOnlySpan<char> view, int start, int length, bool viewEndsText)
    {
        if (start == 0 || !(char.IsAsciiLetterLower(view[start - 1]) || char.IsAsciiDigit(view[start - 1]))
            || !char.IsAsciiLetterUpper(view[start]))
        {
            return false;
        }

        var after = start + length;
        return after < view.Length ? char.IsAsciiLetter(view[after]) || view[after] == '_' : !viewEndsText;
    }

    /// <summary>
    /// ExceptionTypePatterns.TypeNames: every match ends in "Exception" or "Error" (this case) right after a word
    /// character or '$'. Markers: "exception", "error".
    /// </summary>
    public static bool TypeName(ReadOnlySpan<char> view, int start, int length, bool viewEndsText) =>
        view[start] == 'E'
        && start > 0
        && (IsWord(view[start - 1]) || view[start - 1] == '$')
        && view.Slice(start + 1, length - 1).SequenceEqual(length == "Error".Length ? "rror" : "xception");

    /// <summary>
    /// StackTracePatterns.Frame: "at " at a word boundary (or after an escaped \t, \n), then optionally "async " or
    /// "new ", then a name that a '.' follows. Marker: "at ".
    /// </summary>
    public static bool Frame(ReadOnlySpan<char> view, int start, int length, bool viewEndsText)
    {
        // The marker is matched ignoring case; the pattern wants "at " in lower case.
        if (!view.Slice(start, length).SequenceEqual("at "))
        {
            return false;
        }

        var boundary = start == 0
            || !IsBoundaryWord(view[start - 1])
            || (start >= 2 && view[start - 2] == '\\' && view[start - 1] is 't' or 'n');
        if (!boundary)
        {
            return false;
        }

        var name = start + length;
        return NameThenDot(view, name, viewEndsText)
            || (view[name..].StartsWith("async ") && NameThenDot(view, name + 6, viewEndsText))
            || (view[name..].StartsWith("new ") && NameThenDot(view, name + 4, viewEndsText));
    }

    /// <summary>
    /// ConnectionStringPatterns.Keywords and Pairs: every match has a key that an '=' follows (after optional
    /// whitespace). The marker is the key or its start ("user" of "username", "user id"; "sharedaccess" of
    /// "sharedaccesskey"), so after it come only letters, '_' and whitespace, then '='. All their markers.
    /// </summary>
    public static bool Assignment(ReadOnlySpan<char> view, int start, int length, bool viewEndsText)
    {
        for (var i = start + length; i < view.Length; i++)
        {
            var c = view[i];
            if (c == '=')
            {
                return true;
            }

            if (!char.IsAsciiLetter(c) && c != '_' && !IsSpace(c))
            {
                return false;
            }
        }

        return !viewEndsText;
    }

    /// <summary>
    /// ConnectionStringPatterns.Uris: "://" follows a database scheme, or is followed by "user:password@"
    /// (<c>[^/\s:@"'&lt;&gt;]+:[^/\s@"'&lt;&gt;]+@</c>). Other markers ("jdbc:") pass.
    /// </summary>
    public static bool DatabaseUri(ReadOnlySpan<char> view, int start, int length, bool viewEndsText)
    {
        if (!view.Slice(start, length).SequenceEqual("://"))
        {
            return true;
        }

        // Only the schemes ending in the character before "://" are compared: "https" would otherwise be compared with
        // all 27 schemes.
        var last = start > 0 ? char.ToLowerInvariant(view[start - 1]) : '\0';
        if (s_schemesByLast.TryGetValue(last, out var schemes))
        {
            foreach (var scheme in schemes)
            {
                if (view[..start].EndsWith(scheme, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        var user = RunUntil(view, start + length, s_userStops);
        if (user == view.Length)
        {
            return !viewEndsText;
        }

        if (user == start + length || view[user] != ':')
        {
            return false;
        }

        var password = RunUntil(view, user + 1, s_uriStops);
        return password == view.Length ? !viewEndsText : password > user + 1 && view[password] == '@';
    }

    /// <summary>
    /// InternalHostPatterns.SingleLabelUrl: "://" followed by a host of <c>[a-z0-9_-]</c> (no dot), an optional
    /// ":port" (<c>\d</c>: any decimal digit), then the end of the text or one of <c>/"'\s&lt;&gt;)]?#</c>. Marker: "://".
    /// </summary>
    public static bool SingleLabelHost(ReadOnlySpan<char> view, int start, int length, bool viewEndsText)
    {
        var host = start + length;
        var end = RunOf(view, host, s_hostCharacters);
        if (end == host)
        {
            return false;
        }

        if (end < view.Length && view[end] == ':')
        {
            var port = end + 1;
            while (port < view.Length && char.IsDigit(view[port]))
            {
                port++;
            }

            if (port == end + 1)
            {
                return false;
            }

            end = port;
        }

        return end == view.Length ? true : IsHostEnd(view[end]);
    }

    /// <summary>
    /// FilePathPatterns.Windows: ":/" counts only in its second alternative, <c>\b[A-Za-z]:/</c>, so a lone letter
    /// must precede it. Other markers (":\", "\\") pass.
    /// </summary>
    public static bool DriveLetter(ReadOnlySpan<char> view, int start, int length, bool viewEndsText) =>
        !view.Slice(start, length).SequenceEqual(":/")
        || (start >= 1 && char.IsAsciiLetter(view[start - 1]) && (start == 1 || !IsBoundaryWord(view[start - 2])));

    /// <summary>
    /// InternalHostPatterns.Ipv6: "fc"/"fd" counts only as <c>\bf[cd][0-9a-f]{2}:</c>. Other markers pass.
    /// </summary>
    public static bool UniqueLocalAddress(ReadOnlySpan<char> view, int start, int length, bool viewEndsText)
    {
        if (length != 2 || (view[start] | 0x20) != 'f')
        {
            return true;
        }

        if (start > 0 && IsBoundaryWord(view[start - 1]))
        {
            return false;
        }

        return start + 4 >= view.Length
            ? !viewEndsText
            : char.IsAsciiHexDigit(view[start + 2]) && char.IsAsciiHexDigit(view[start + 3]) && view[start + 4] == ':';
    }

    // Frame's name class [\w$`<>\[\]]: a run of it, then '.'.
    private static bool NameThenDot(ReadOnlySpan<char> view, int from, bool viewEndsText)
    {
        var end = from;
        while (end < view.Length && (IsWord(view[end]) || view[end] is '$' or '`' or '<' or '>' or '[' or ']'))
        {
            end++;
        }

        return end == view.Length ? !viewEndsText : end > from && view[end] == '.';
    }

    // Where the run from `from` of characters not in `stops` ends.
    private static int RunUntil(ReadOnlySpan<char> view, int from, SearchValues<char> stops)
    {
        var length = view[from..].IndexOfAny(stops);
        return length < 0 ? view.Length : from + length;
    }

    // Where the run from `from` of characters in `members` ends.
    private static int RunOf(ReadOnlySpan<char> view, int from, SearchValues<char> members)
    {
        var length = view[from..].IndexOfAnyExcept(members);
        return length < 0 ? view.Length : from + length;
    }

    // \w: ASCII letters, digits and '_', and beyond ASCII the word categories.
    private static bool IsWord(char c) =>
        char.IsAscii(c)
            ? char.IsAsciiLetterOrDigit(c) || c == '_'
            : ((WordCategories >> (int)char.GetUnicodeCategory(c)) & 1) != 0;

    // What \b takes for a word character: \w, and the zero-width joiner and non-joiner (RegexCharClass.IsBoundaryWordChar).
    private static bool IsBoundaryWord(char c) => IsWord(c) || c is '\u200C' or '\u200D';

    // \s: \t to \r, space, and beyond ASCII U+0085 and the separators (\p{Z}), which is char.IsWhiteSpace.
    private static bool IsSpace(char c) => char.IsWhiteSpace(c);


    private static bool IsHostEnd(char c) => c is '/' or '"' or '\'' or '<' or '>' or ')' or ']' or '?' or '#' || IsSpace(c);
}
