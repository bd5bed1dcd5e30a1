using System.Buffers;
using System.Text.RegularExpressions;
using Gateway.Transforms.Errors;

namespace Gateway.Transforms.Scrubbing;

/// <summary>
/// One kind of leak: cheap literal markers that every match of <see cref="Pattern"/> contains, and the pattern that
/// confirms it. The markers let clean text skip the regex entirely.
/// </summary>
internal sealed class LeakRule(LeakKinds kind, SearchValues<string> markers, Regex pattern)
{
    public LeakKinds Kind { get; } = kind;

    public SearchValues<string> Markers { get; } = markers;

    public Regex Pattern { get; } = pattern;

    public bool Matches(ReadOnlySpan<char> text) => text.ContainsAny(Markers) && Pattern.IsMatch(text);
}
