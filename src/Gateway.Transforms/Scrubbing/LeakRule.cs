using System.Buffers;
using System.Text.RegularExpressions;
using Gateway.Transforms.Errors;

namespace Gateway.Transforms.Scrubbing;

/// <summary>
/// One family of leaks: literal markers (compared ignoring case), at least one of which every match of
/// <see cref="Pattern"/> contains, and the pattern that confirms it. A marker only wakes the patterns that can use it,
/// and only on a bounded window around it.
/// </summary>
/// <remarks>
/// The patterns are source-generated backtracking regexes: they keep no automaton (the non-backtracking engine kept
/// ≈ 100 MiB for these patterns and took about a second to build it). Each is written so that its cost stays linear in
/// the window: no quantifier the engine could retry at every start (a leading class becomes a lookbehind behind the
/// literal that follows it), no run re-read from every start (it is read back from the one place a match can end),
/// and no nested quantifiers whose iterations could split the same text two ways (LeakPatternWorstCaseTests proves it
/// on adversarial windows). A pattern that cannot be written so uses <see cref="NonBacktrackingOptions"/>.
/// </remarks>
internal sealed class LeakRule(LeakKinds kind, string[] markers, Regex pattern, MarkerGuards.Guard? guard = null)
{
    public const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace | RegexOptions.ExplicitCapture;

    /// <summary>For a pattern whose backtracking cost would grow with the square of the window.</summary>
    public const RegexOptions NonBacktrackingOptions = Options | RegexOptions.NonBacktracking;

    public LeakKinds Kind { get; } = kind;

    public IReadOnlyList<string> MarkerList { get; } = markers;

    public SearchValues<string> Markers { get; } = SearchValues.Create(markers, StringComparison.OrdinalIgnoreCase);

    public Regex Pattern { get; } = pattern;

    /// <summary>Refutes markers found in ASCII text that cannot belong to a match (see <see cref="MarkerGuards"/>).</summary>
    public MarkerGuards.Guard? Guard { get; } = guard;
}
