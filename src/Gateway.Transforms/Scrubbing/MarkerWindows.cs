using System.Buffers;
using System.Text.RegularExpressions;

namespace Gateway.Transforms.Scrubbing;

/// <summary>
/// Runs one regex, every match of which contains one of a set of markers, only on the text around the markers
/// (<see cref="LeakScanner.Reach"/> characters each side, neighbouring windows merged), the way
/// <see cref="LeakSearch"/> does for the leak rules: a marker early in a large body does not make the regex read all of it.
/// </summary>
internal static class MarkerWindows
{
    private const int MaxWindow = 16 * 1024;

    /// <param name="text">The text.</param>
    /// <param name="markers">Markers, one of which every match of <paramref name="pattern"/> contains.</param>
    /// <param name="longestMarker">The length of the longest marker.</param>
    /// <param name="pattern">The confirming regex.</param>
    public static bool IsMatch(ReadOnlySpan<char> text, SearchValues<string> markers, int longestMarker, Regex pattern)
    {
        int start = 0, end = 0; // the pending window; end == 0: none
        var i = 0;
        while (i < text.Length)
        {
            var hit = text[i..].IndexOfAny(markers);
            if (hit < 0)
            {
                break;
            }

            i += hit;
            var from = i - LeakScanner.Reach;
            var to = i + longestMarker + LeakScanner.Reach;
            if (end != 0 && from <= end && end - start < MaxWindow)
            {
                end = Math.Max(end, to);
            }
            else
            {
                if (end != 0 && Matches(text, pattern, start, end))
                {
                    return true;
                }

                (start, end) = (from, to);
            }

            i++;
        }

        return end != 0 && Matches(text, pattern, start, end);
    }

    /// <summary>The same as <see cref="IsMatch(ReadOnlySpan{char}, SearchValues{string}, int, Regex)"/> with the markers
    /// found by a <see cref="MarkerIndex"/> over the text's ASCII bytes (the same positions): one AVX2 pass instead of a
    /// search for many strings ignoring case.</summary>
    /// <remarks>The index's hits come in anchor order, so a window may grow to the left as well.</remarks>
    public static bool IsMatch(ReadOnlySpan<char> text, MarkerIndex.Hits<byte> markers, int longestMarker, Regex pattern)
    {
        int start = 0, end = 0; // the pending window; end == 0: none
        while (markers.MoveNext(ulong.MaxValue))
        {
            var from = markers.Start - LeakScanner.Reach;
            var to = markers.Start + longestMarker + LeakScanner.Reach;
            if (end != 0 && from <= end && end - start < MaxWindow)
            {
                start = Math.Min(start, from);
                end = Math.Max(end, to);
            }
            else
            {
                if (end != 0 && Matches(text, pattern, start, end))
                {
                    return true;
                }

                (start, end) = (from, to);
            }
        }

        return end != 0 && Matches(text, pattern, start, end);
    }

    /// <summary>Whether <paramref name="pattern"/> matches in the window [from, to) of <paramref name="text"/>, with the
    /// character before it as context; a match ending at the cut is checked again on the rest of the text.</summary>
    public static bool Matches(ReadOnlySpan<char> text, Regex pattern, int from, int to)
    {
        from = Math.Max(0, from);
        to = Math.Min(text.Length, to);
        var context = from > 0 ? from - 1 : 0;
        foreach (var match in pattern.EnumerateMatches(text[context..to], from - context))
        {
            // Two real characters after the match: neither \b nor $ (which also matches before a final \n) saw the cut.
            return to == text.Length
                || context + match.Index + match.Length <= to - 2
                || pattern.IsMatch(text[context..], from - context);
        }

        return false;
    }
}
