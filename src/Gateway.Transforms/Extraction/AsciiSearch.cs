using System.Text;

namespace Gateway.Transforms.Extraction;

/// <summary>
/// Finds an ASCII string in UTF-8 bytes ignoring case, with the vectorized exact search of the runtime. The same
/// positions as <see cref="StringComparison.OrdinalIgnoreCase"/> over the decoded text: no non-ASCII character folds
/// to an ASCII one, and UTF-8 never puts an ASCII byte inside a multi-byte character.
/// </summary>
/// <remarks>The anchor (the value up to its first letter) is searched in both spellings, "&lt;h" and "&lt;H" for
/// "&lt;h1", a chunk at a time: a spelling that never occurs is not looked for past the other's next occurrence, and
/// each spelling remembers how far it searched, so successive <see cref="Next"/> calls read no byte twice.</remarks>
internal ref struct AsciiSearch
{
    /// <summary>The longest anchor: the value's first letter is at most this many bytes in, minus one.</summary>
    public const int MaxAnchor = 8;

    private const int Chunk = 4096;

    private readonly ReadOnlySpan<byte> _text;
    private readonly ReadOnlySpan<byte> _value;
    private readonly bool _hasLetter;
    private Anchor _lower;
    private Anchor _upper;
    private int _limit;

    /// <param name="text">UTF-8 bytes.</param>
    /// <param name="value">ASCII, lower case; its first letter, if any, less than <see cref="MaxAnchor"/> bytes in.</param>
    /// <param name="scratch"><see cref="MaxAnchor"/> bytes for the upper-case anchor.</param>
    public AsciiSearch(ReadOnlySpan<byte> text, ReadOnlySpan<byte> value, Span<byte> scratch)
    {
        _text = text;
        _value = value;
        var letter = value.IndexOfAnyInRange((byte)'a', (byte)'z');
        _hasLetter = letter >= 0;
        if (_hasLetter)
        {
            var upper = scratch[..(letter + 1)];
            value[..(letter + 1)].CopyTo(upper);
            upper[letter] = (byte)(upper[letter] - 'a' + 'A');
            _lower = new Anchor(value[..(letter + 1)]);
            _upper = new Anchor(upper);
        }
    }

    /// <summary>The first position of <paramref name="value"/> in <paramref name="text"/>, ignoring case; -1 if none.</summary>
    public static int IndexOfIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> value) =>
        new AsciiSearch(text, value, stackalloc byte[MaxAnchor]).Next(0);

    /// <summary>The first position at or after <paramref name="from"/>, which never decreases between calls; -1 if none.</summary>
    public int Next(int from)
    {
        if (from > _text.Length)
        {
            return -1;
        }

        if (!_hasLetter)
        {
            var exact = _text[from..].IndexOf(_value);
            return exact < 0 ? -1 : from + exact;
        }

        while (from + _value.Length <= _text.Length)
        {
            _limit = Math.Max(_limit, Math.Min(_text.Length, from + Chunk));
            // The upper-case spelling (rare in markup) is looked for only before the lower-case one's next occurrence.
            var lower = _lower.Next(_text, from, _limit);
            var at = Math.Min(lower, _upper.Next(_text, from, Math.Min(lower, _limit)));
            if (at == int.MaxValue)
            {
                from = _limit;
            }
            else if (at + _value.Length <= _text.Length && Ascii.EqualsIgnoreCase(_text.Slice(at, _value.Length), _value))
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

    /// <summary>One spelling of the anchor: its next occurrence, and how far it is known to be absent.</summary>
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
