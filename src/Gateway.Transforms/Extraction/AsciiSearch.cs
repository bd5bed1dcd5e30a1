using System.Text;

namespace Gateway.Transforms.Extraction;

/// <summary>
/// Finds an ASCII string in UTF-8 bytes ignoring case, with the vectorized exact search of the runtime. The same
/// positions as <see cref="StringComparison.OrdinalIgnoreCase"/> over the decoded text: no non-ASCII character folds
/// to an ASCII one, and UTF-8 never puts an ASCII byte inside a multi-byte character.
/// </summary>
internal static class AsciiSearch
{
    // Both spellings of the anchor are searched a chunk at a time, so one that never occurs is not looked for past the
    // other's first occurrence, however large the text.
    private const int Chunk = 4096;

    /// <summary>The first position of <paramref name="value"/> in <paramref name="text"/>, ignoring case; -1 if none.</summary>
    /// <param name="text">UTF-8 bytes.</param>
    /// <param name="value">ASCII, lower case; its first letter, if any, at most 7 bytes in.</param>
    public static int IndexOfIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> value)
    {
        var letter = value.IndexOfAnyInRange((byte)'a', (byte)'z');
        if (letter < 0)
        {
            return text.IndexOf(value);
        }

        // The anchor runs to the first letter, once as given and once upper case: "<h" and "<H" for "<h1".
        Span<byte> upperCase = stackalloc byte[8];
        var lowerAnchor = new Anchor(value[..(letter + 1)]);
        value[..(letter + 1)].CopyTo(upperCase);
        upperCase[letter] = (byte)(upperCase[letter] - 'a' + 'A');
        var upperAnchor = new Anchor(upperCase[..(letter + 1)]);

        var from = 0;
        var limit = 0;
        while (from + value.Length <= text.Length)
        {
            limit = Math.Max(limit, Math.Min(text.Length, from + Chunk));
            var at = Math.Min(lowerAnchor.Next(text, from, limit), upperAnchor.Next(text, from, limit));
            if (at == int.MaxValue)
            {
                from = limit;
            }
            else if (at + value.Length <= text.Length && Ascii.EqualsIgnoreCase(text.Slice(at, value.Length), value))
            {
                return at;
            }
            else
            {
                from = at + 1;
            }
        }

        return -1;
    }

    /// <summary>One spelling of an anchor: remembers its next occurrence and how far it is known to be absent, so no
    /// byte is searched twice.</summary>
    private ref struct Anchor(ReadOnlySpan<byte> value)
    {
        private readonly ReadOnlySpan<byte> _value = value;
        private int _at = -1;
        private int _absentBefore;

        /// <summary>The first occurrence starting in [<paramref name="from"/>, <paramref name="limit"/>);
        /// <see cref="int.MaxValue"/> when there is none.</summary>
        public int Next(ReadOnlySpan<byte> text, int from, int limit)
        {
            if (_at >= from)
            {
                return _at < limit ? _at : int.MaxValue;
            }

            var start = Math.Max(from, _absentBefore);
            if (start >= limit)
            {
                return int.MaxValue;
            }

            var found = text[start..Math.Min(text.Length, limit + _value.Length - 1)].IndexOf(_value);
            if (found < 0)
            {
                _absentBefore = limit;
                return int.MaxValue;
            }

            _at = start + found;
            return _at;
        }
    }
}
