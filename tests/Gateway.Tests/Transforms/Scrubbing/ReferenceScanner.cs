using Gateway.Transforms.Errors;
using Gateway.Transforms.Scrubbing;

namespace Gateway.Tests.Transforms.Scrubbing;

/// <summary>
/// The scanner's meaning without its shortcuts: every rule one of whose markers occurs anywhere runs its regex over the
/// whole text. <see cref="LeakScanner"/> must agree with it (up to <c>LeakScanner.Reach</c>).
/// </summary>
internal static class ReferenceScanner
{
    public static LeakKinds Scan(string text)
    {
        var found = LeakKinds.None;
        foreach (var rule in LeakRules.All)
        {
            if (text.AsSpan().ContainsAny(rule.Markers) && rule.Pattern.IsMatch(text))
            {
                found |= rule.Kind;
            }
        }

        return found;
    }
}
