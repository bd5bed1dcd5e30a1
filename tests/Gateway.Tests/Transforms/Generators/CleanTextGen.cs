using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace Gateway.Tests.Transforms.Generators;

/// <summary>
/// Sentences from ordinary words and numbers. The vocabulary deliberately includes words that are also leak markers
/// (error, exception, server, database, file, line, local, host, user, password, port, select, stack, trace, panic),
/// and numbers shaped like versions, times, dates, ratios and money.
/// </summary>
public static class CleanTextGen
{
    private static readonly string[] s_words =
    [
        "student", "grade", "section", "course", "school", "the", "a", "is", "was", "not", "found", "must", "be",
        "between", "and", "or", "required", "invalid", "value", "field", "date", "name", "email", "address", "enrolled",
        "already", "missing", "too", "long", "short", "number", "term", "year", "teacher", "class", "room", "period",
        "please", "check", "try", "again", "later", "cannot", "update", "delete", "create", "record", "for", "with",
        "in", "of", "to", "on", "at", "by", "from", "this", "that", "limit", "exceeded", "allowed", "only", "one",
        "per", "day", "week", "Monday", "January", "error", "Error", "exception", "Exception", "server", "database",
        "file", "line", "local", "host", "user", "password", "port", "select", "stack", "trace", "panic", "module",
        "source", "session", "token", "expired", "district", "calendar", "attendance", "roster", "schedule",
    ];

    public static Gen<string> Word { get; } = Gen.Elements(s_words);

    public static Gen<string> Number { get; } = Gen.OneOf(
        Gen.Choose(0, 100_000).Select(n => n.ToString(CultureInfo.InvariantCulture)),
        Pair(0, 99, 0, 9, (a, b) => $"{a}.{b}"),
        Pair(0, 23, 0, 59, (h, m) => $"{h}:{m:00}"),
        Pair(1, 16, 1, 9, (a, b) => $"{a}:{b}"),
        Pair(0, 9999, 0, 99, (d, c) => $"${d}.{c:00}"),
        from y in Gen.Choose(2000, 2030) from m in Gen.Choose(1, 12) from d in Gen.Choose(1, 28) select $"{y}-{m:00}-{d:00}",
        from a in Gen.Choose(0, 20) from b in Gen.Choose(0, 20) from c in Gen.Choose(0, 20) select $"{a}.{b}.{c}",
        Gen.Choose(0, 100).Select(n => $"{n}%"));

    private static Gen<string> Token { get; } = Gen.Frequency((4, Word), (1, Number));

    /// <summary>A word of two letters or more (a message needs two to be informative; "A 57% 2030-12-01." has one),
    /// then two to nineteen more tokens, capitalised, single spaces, ending with a period.</summary>
    public static Gen<string> Sentence { get; } =
        from first in Gen.Elements(s_words.Where(w => w.Length > 1).ToArray())
        from count in Gen.Choose(2, 19)
        from tokens in Gen.ArrayOf(Token, count)
        select Capitalise(first + " " + string.Join(' ', tokens)) + ".";

    /// <summary>Zero to three sentences.</summary>
    public static Gen<string> Prose { get; } =
        from count in Gen.Choose(0, 3)
        from sentences in Gen.ArrayOf(Sentence, count)
        select string.Join(' ', sentences);

    private static Gen<string> Pair(int lowA, int highA, int lowB, int highB, Func<int, int, string> format) =>
        from a in Gen.Choose(lowA, highA)
        from b in Gen.Choose(lowB, highB)
        select format(a, b);

    private static string Capitalise(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
