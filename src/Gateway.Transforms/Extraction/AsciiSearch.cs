using System.Text;

namespace Gateway.Transforms.Extraction;

/// <summary>
/// Finds an ASCII string in UTF-8 bytes ignoring case, with the vectorized exact search of the runtime. The same
/// positions as <see cref="StringComparison.OrdinalIgnoreCase"/> over the decoded text: no non-ASCII character folds
/// to an ASCII one, and UTF-8 never puts an ASCII byte inside a multi-byte character.
/// </summary>
internal static class AsciiSearch
{
    /// <summary>The first position of <paramref name="value"/> in <paramref name="text"/>, ignoring case; -1 if none.</summary>
    /// <param name="text">UTF-8 bytes.</param>
    /// <param name="value">ASCII, lower case; its first letter, if any, at most 7 bytes in.</param>
    public static int IndexOfIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> value)
    {
        // The anchor runs to the first letter, once as given and once upper case: "<h" and "<H" for "<h1". Each anchor's
        // next position is kept, so a case that never occurs costs one search, not one per candidate of the other.
        var letter = value.IndexOfAnyInRange((byte)'a', (byte)'z');
        if (letter < 0)
        {
            return text.IndexOf(value);
        }

        var anchor = value[..(letter + 1)];
        Span<byte> upper = stackalloc byte[8];
        anchor.CopyTo(upper);
        upper = upper[..anchor.Length];
        upper[^1] = (byte)(upper[^1] - 'a' + 'A');

        int lowerAt = -1, upperAt = -1;
        var from = 0;
        while (true)
        {
            lowerAt = lowerAt < from ? Next(text, from, anchor) : lowerAt;
            upperAt = upperAt < from ? Next(text, from, upper) : upperAt;
            var at = Math.Min(lowerAt, upperAt);
            if (at == int.MaxValue)
            {
                return -1;
            }

            if (at + value.Length <= text.Length && Ascii.EqualsIgnoreCase(text.Slice(at, value.Length), value))
            {
                return at;
            }

            from = at + 1;
        }
    }

    private static int Next(ReadOnlySpan<byte> text, int from, ReadOnlySpan<byte> anchor)
    {
        var at = text[from..].IndexOf(anchor);
        return at < 0 ? int.MaxValue : from + at;
    }
}
