using System.Buffers;
using System.Collections.Frozen;
using Gateway.Transforms.Errors;

namespace Gateway.Transforms.Scrubbing;

/// <summary>
/// The rule table and two ways to find its markers: <see cref="Index"/> for nearly all text, and for text with
/// <see cref="FoldToAscii"/> characters the union of all markers (one <see cref="SearchValues{T}"/> pass) with an index
/// from a marker's first character to its rules.
/// </summary>
internal static class LeakRules
{
    public static LeakRule[] All { get; } =
    [
        .. DebugPagePatterns.Rules,
        .. StackTracePatterns.Rules,
        .. SqlErrorPatterns.Rules,
        .. FilePathPatterns.Rules,
        .. ConnectionStringPatterns.Rules,
        .. InternalHostPatterns.Rules,
        .. ExceptionTypePatterns.Rules,
    ];

    /// <summary>Every marker of every rule, tagged with the mask of its rules, for ASCII bytes and for UTF-16 text without
    /// <see cref="FoldToAscii"/> characters (nearly every body).</summary>
    public static MarkerIndex Index { get; } =
        new(All.SelectMany((rule, i) => rule.MarkerList.Select(marker => (marker, 1UL << i)))
            .Concat(IntegrityViolationDetector.MarkerList.Select(marker => (marker, IntegrityMarker))));

    /// <summary>The tag of <see cref="IntegrityViolationDetector"/>'s markers in <see cref="Index"/>, so the normalizer
    /// learns in the same pass whether the body needs the integrity check.</summary>
    public const ulong IntegrityMarker = 1UL << 63;

    /// <summary>Every marker of every rule: text that contains none of them is clean without running a regex.</summary>
    public static SearchValues<string> AnyMarker { get; } =
        SearchValues.Create([.. All.SelectMany(r => r.MarkerList).Distinct(StringComparer.OrdinalIgnoreCase)], StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The characters beyond ASCII that a case-ignoring comparison may take for an ASCII letter: the Kelvin sign (the
    /// patterns' <c>IgnoreCase</c> matches it as "k"), dotted and dotless I and the long s (<c>OrdinalIgnoreCase</c>
    /// folds them to "i" and "s" where culture data is loaded). Text with one of them is searched with
    /// <see cref="AnyMarker"/> and never guarded, as the marker index and the guards read such characters as non-letters.
    /// </summary>
    public static SearchValues<char> FoldToAscii { get; } = SearchValues.Create("\u0130\u0131\u017F\u212A");

    /// <summary>The length of the longest marker.</summary>
    public static int MaxMarkerLength { get; } = All.SelectMany(r => r.MarkerList).Max(m => m.Length);

    /// <summary>The mask of the rules with a <see cref="LeakRule.Guard"/>.</summary>
    public static ulong GuardedRules { get; } = All.Select((rule, i) => rule.Guard is null ? 0 : 1UL << i).Aggregate(0UL, (a, b) => a | b);

    /// <summary>The mask of all rules.</summary>
    public static ulong AllRules { get; } = All.Length == 64 ? ulong.MaxValue : (1UL << All.Length) - 1;

    /// <summary>The mask of the rules that report <paramref name="kind"/>.</summary>
    public static ulong RulesOf(LeakKinds kind)
    {
        var mask = 0UL;
        for (var i = 0; i < All.Length; i++)
        {
            mask |= (All[i].Kind & kind) != 0 ? 1UL << i : 0;
        }

        return mask;
    }

    /// <summary>Markers by their lower-cased first character, each with the bit mask of the rules it belongs to.</summary>
    public static FrozenDictionary<char, (string Marker, ulong Rules)[]> ByFirstChar { get; } = BuildIndex();

    private static FrozenDictionary<char, (string Marker, ulong Rules)[]> BuildIndex()
    {
        if (All.Length > 63)
        {
            throw new InvalidOperationException("The rule mask holds 63 rules (bit 63 tags the integrity markers).");
        }

        var masks = new Dictionary<string, ulong>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < All.Length; i++)
        {
            foreach (var marker in All[i].MarkerList)
            {
                masks[marker] = masks.GetValueOrDefault(marker) | (1UL << i);
            }
        }

        return masks
            .GroupBy(m => char.ToLowerInvariant(m.Key[0]))
            .ToFrozenDictionary(g => g.Key, g => g.Select(m => (m.Key, m.Value)).ToArray());
    }
}
