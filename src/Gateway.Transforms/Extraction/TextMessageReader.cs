namespace Gateway.Transforms.Extraction;

/// <summary>The first few meaningful lines of a plain-text body, in order.</summary>
internal static class TextMessageReader
{
    private const int MaxCandidates = 3;
    private const int MaxLines = 64;

    /// <summary>Reads the body's first lines; the rest of a large body is not decoded.</summary>
    public static List<string> Candidates(ref BodyText body) => Candidates(body.Prefix(LinesEnd(body.Utf8), out _));

    public static List<string> Candidates(ReadOnlySpan<char> text)
    {
        var candidates = new List<string>(MaxCandidates);
        var lines = 0;
        foreach (var range in text.SplitAny('\n', '\r'))
        {
            if (++lines > MaxLines || candidates.Count >= MaxCandidates)
            {
                break;
            }

            var line = text[range].Trim();
            if (HasTwoLetters(line))
            {
                candidates.Add(line.ToString());
            }
        }

        return candidates;
    }

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
}
