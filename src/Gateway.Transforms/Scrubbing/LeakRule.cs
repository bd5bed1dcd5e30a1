using System.Buffers;
using System.Text.RegularExpressions;
using Gateway.Transforms.Errors;

namespace Gateway.Transforms.Scrubbing;

/// <summary>
/// One family of leaks: literal markers (compared ignoring case), at least one of which every match of
/// <see cref="Pattern"/> contains, and the pattern that confirms it. Small focused patterns keep the lazily built
/// DFAs of the non-backtracking engine small, and a marker only wakes the patterns that can use it.
/// </summary>
internal sealed class LeakRule(LeakKinds kind, string[] markers, Regex pattern, MarkerGuards.Guard? guard = null)
{
    public const RegexOptions Options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace;

    public LeakKinds Kind { get; } = kind;

    public IReadOnlyList<string> MarkerList { get; } = markers;

    public SearchValues<string> Markers { get; } = SearchValues.Create(markers, StringComparison.OrdinalIgnoreCase);

    public Regex Pattern { get; } = pattern;

    /// <summary>Refutes markers found in ASCII text that cannot belong to a match (see <see cref="MarkerGuards"/>).</summary>
    public MarkerGuards.Guard? Guard { get; } = guard;
}
