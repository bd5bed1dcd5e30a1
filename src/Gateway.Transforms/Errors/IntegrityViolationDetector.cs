using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using Gateway.Transforms.Scrubbing;

namespace Gateway.Transforms.Errors;

/// <summary>
/// Recognises foreign-key, primary-key and unique-constraint violations in the dialects of SQL Server, PostgreSQL,
/// Oracle, MySQL/MariaDB and SQLite (plus MongoDB's duplicate key, and the legacy engines Firebird, Informix, DB2, Sybase
/// and Jet/Access), whatever layer wrapped them.
/// NOT NULL and CHECK violations are not conflicts with existing data, so they do not count.
/// </summary>
internal static partial class IntegrityViolationDetector
{
    // Every alternative of Pattern contains at least one of these (compared ignoring case). They are as long as the
    // pattern allows: "2350" alone is in every tenth id of a large list and "ER_" in every USER_ID, and each of those
    // costs a second pass over the body; the pattern only ever matches SQLSTATE 23503 or 23505 and four MySQL codes.
    internal static readonly string[] MarkerList =
    [
        "Violation of", "duplicate key", "conflicted with the", "violates", "23503", "23505", "ORA-0", "Duplicate entry",
        "child row", "parent row", "ER_DUP_", "ER_NO_REFERENCED_ROW", "ER_ROW_IS_REFERENCED", "constraint failed",
        "SQLITE_CONSTRAINT", "UniqueViolation", "ForeignKeyViolation", "ConstraintViolation", "Integrity constraint",
        "UNIQUE INDEX", "duplicate values in the index", "SQLCODE", "Ecto.ConstraintError",
    ];

    private static readonly SearchValues<string> s_markers = SearchValues.Create(MarkerList, StringComparison.OrdinalIgnoreCase);

    private static readonly MarkerIndex s_index = new(MarkerList.Select(m => (m, 1UL)));

    private static readonly int s_longestMarker = MarkerList.Max(m => m.Length);

    // The regex runs only around the markers: "2350" in an id early in a large body must not make it read all of it.
    // ASCII text without a marker (nearly every body) is settled by one pass of the marker index.
    public static bool IsMatch(ReadOnlySpan<char> text) =>
        (!Ascii.IsValid(text) || s_index.Find(text).MoveNext(ulong.MaxValue)) && IsMatchAroundMarkers(text, default);

    /// <summary>The same as <see cref="IsMatch(ReadOnlySpan{char})"/> for the text of valid UTF-8. The markers are ASCII and
    /// UTF-8 puts no ASCII byte inside a character, so without characters that fold to ASCII letters the bytes hold the
    /// text's markers: text without one (nearly all) is settled by one pass over the bytes, without decoding it.</summary>
    public static bool IsMatch(ReadOnlySpan<byte> utf8)
    {
        if ((Ascii.IsValid(utf8) || !LeakScanner.ContainsFoldToAscii(utf8)) && !s_index.Find(utf8).MoveNext(ulong.MaxValue))
        {
            return false;
        }

        // UTF-8 never yields more UTF-16 code units than it has bytes.
        var rented = ArrayPool<char>.Shared.Rent(utf8.Length);
        try
        {
            return IsMatch(rented.AsSpan(0, Encoding.UTF8.GetChars(utf8, rented)));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>The same as <see cref="IsMatch(ReadOnlySpan{char})"/> for text already known to hold one of the markers (the leak scan
    /// reports them), without the pass that looks for one.</summary>
    /// <param name="text">The text.</param>
    /// <param name="ascii">The text's bytes when it is ASCII (then its markers are found by one AVX2 pass over them);
    /// empty otherwise.</param>
    public static bool IsMatchAroundMarkers(ReadOnlySpan<char> text, ReadOnlySpan<byte> ascii) =>
        ascii.Length == text.Length && !ascii.IsEmpty
            ? MarkerWindows.IsMatch(text, s_index.Find(ascii), s_longestMarker, Pattern)
            : MarkerWindows.IsMatch(text, s_markers, s_longestMarker, Pattern);

    [GeneratedRegex(
        """
          Violation[ ]of[ ](PRIMARY|UNIQUE)[ ]KEY[ ]constraint                               # SQL Server 2627
        | Cannot[ ]insert[ ]duplicate[ ]key                                                   # SQL Server 2601
        | statement[ ]conflicted[ ]with[ ]the[ ](FOREIGN[ ]KEY|REFERENCE|FOREIGN[ ]KEY[ ]SAME[ ]TABLE)[ ]constraint   # 547
        | duplicate[ ]key[ ]value[ ]violates[ ]unique[ ]constraint                            # PostgreSQL 23505
        | violates[ ]foreign[ ]key[ ]constraint                                               # PostgreSQL 23503
        | sql_?state\W{0,4}2350[35]\b
        | "(code|sqlState|sql_state|state)"\s*:\s*"2350[35]"
        | \b2350[35]:[ ]
        | \bORA-(00001|02291|02292)\b                                                        # Oracle
        | Duplicate[ ]entry[ ]'[^'\r\n]*'[ ]for[ ]key                                        # MySQL 1062
        | Cannot[ ](add[ ]or[ ]update[ ]a[ ]child|delete[ ]or[ ]update[ ]a[ ]parent)[ ]row:[ ]a[ ]foreign[ ]key[ ]constraint[ ]fails   # 1451/1452
        | \bER_(DUP_ENTRY|DUP_KEY|NO_REFERENCED_ROW(_2)?|ROW_IS_REFERENCED(_2)?)\b
        | Integrity[ ]constraint[ ]violation:[ ](1062|1451|1452)\b
        | \b(UNIQUE|PRIMARY[ ]KEY|FOREIGN[ ]KEY)[ ]constraint[ ]failed\b                      # SQLite
        | \bSQLITE_CONSTRAINT_(UNIQUE|PRIMARYKEY|FOREIGNKEY)\b
        | \bE11000[ ]duplicate[ ]key                                                          # MongoDB
        | \b(UniqueViolation|ForeignKeyViolation|UniqueConstraintViolationException|ForeignKeyConstraintViolationException)\b
        | violation[ ]of[ ](PRIMARY[ ]or[ ]UNIQUE|FOREIGN)[ ]KEY[ ]constraint                  # Firebird, InterBase
        | duplicate[ ]value[ ]in[ ]a[ ]UNIQUE[ ]INDEX                                          # Informix -239
        | \bSQLCODE[ ]?[=:][ ]?-(803|530|532)\b                                              # DB2
        | Attempt[ ]to[ ]insert[ ]duplicate[ ]key[ ]row                                        # Sybase, SQL Server 2601
        | duplicate[ ]values[ ]in[ ]the[ ]index,[ ]primary[ ]key,[ ]or[ ]relationship           # Jet/Access
        | \bEcto\.ConstraintError\b
        """,
        LeakRule.Options | RegexOptions.IgnoreCase)]
    internal static partial Regex Pattern { get; }
}
