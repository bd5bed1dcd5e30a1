namespace Gateway.Transforms.Extraction;

/// <summary>The first few meaningful lines of a plain-text body, in order.</summary>
internal static class TextMessageReader
{
    private const int MaxCandidates = 3;
    private const int MaxLines = 64;

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
