namespace Gateway.Transforms.Extraction;

/// <summary>The first few meaningful lines of a plain-text body, in order.</summary>
internal static class TextMessageReader
{
    private const int MaxCandidates = 3;
    private const int MaxLines = 64;

    /// <summary>Reads the body's first lines; the rest of a large body is not decoded.</summary>
    public static List<string> Candidates(ref BodyText body) => Candidates(Text(ref body));

    public static List<string> Candidates(ReadOnlySpan<char> text)
    {
        var candidates = new List<string>(MaxCandidates);
        foreach (var line in Lines(text))
        {
            candidates.Add(line.ToString());
        }

        return candidates;
    }

    /// <summary>The text <see cref="Lines"/> reads: the body up to the end of its last line read.</summary>
    public static ReadOnlySpan<char> Text(ref BodyText body) => body.Prefix(LinesEnd(body.Utf8), out _);

    /// <summary>The candidates as they are found, without a string each: a caller that stops at the first one it
    /// takes makes no string for the others.</summary>
    public static CandidateLines Lines(ReadOnlySpan<char> text) => new(text);

    // Where the line after the last one read starts: line breaks are ASCII, so the text up to there is a prefix.
    private static int LinesEnd(ReadOnlySpan<byte> utf8)
    {
        var end = 0;
        for (var lines = 0; lines < MaxLines; lines++)
        {
            var next = utf8[end..].IndexOfAny((byte)'\n', (byte)'\r');
            if (next < 0)
            {
                return utf8.Length;
            }

            end += next + 1;
        }

        return end;
    }

    private static bool HasTwoLetters(ReadOnlySpan<char> line)
    {
        var letters = 0;
        foreach (var c in line)
        {
            if (char.IsLetter(c) && ++letters == 2)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first <see cref="MaxCandidates"/> lines with two letters among the first <see cref="MaxLines"/>, trimmed.</summary>
    public ref struct CandidateLines(ReadOnlySpan<char> text)
    {
        private readonly ReadOnlySpan<char> _text = text;
        private MemoryExtensions.SpanSplitEnumerator<char> _lines = text.SplitAny('\n', '\r');
        private int _read;
        private int _found;

        public ReadOnlySpan<char> Current { get; private set; }

        public readonly CandidateLines GetEnumerator() => this;

        public bool MoveNext()
        {
            while (_lines.MoveNext())
            {
                if (++_read > MaxLines || _found >= MaxCandidates)
                {
                    return false;
                }

                var line = _text[_lines.Current].Trim();
                if (HasTwoLetters(line))
                {
                    _found++;
                    Current = line;
                    return true;
                }
            }

            return false;
        }
    }
}
