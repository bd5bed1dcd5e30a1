using System.Buffers;
using System.Collections.Frozen;

namespace Gateway.Transforms.Scrubbing;

/// <summary>
/// The rule table, the union of all markers for one vectorized pass over the text, and an index from a marker's first
/// character to the rules it wakes.
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

    /// <summary>Every marker of every rule: text that contains none of them is clean without running a regex.</summary>
    public static SearchValues<string> AnyMarker { get; } =
        SearchValues.Create([.. All.SelectMany(r => r.MarkerList).Distinct(StringComparer.OrdinalIgnoreCase)], StringComparison.OrdinalIgnoreCase);

    /// <summary>Markers by their lower-cased first character, each with the bit mask of the rules it belongs to.</summary>
    public static FrozenDictionary<char, (string Marker, ulong Rules)[]> ByFirstChar { get; } = BuildIndex();

    private static FrozenDictionary<char, (string Marker, ulong Rules)[]> BuildIndex()
    {
        if (All.Length > 64)
        {
            throw new InvalidOperationException("The rule mask holds 64 rules.");
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
