using System.Text;
using Gateway.Transforms.Scrubbing;

namespace Gateway.Tests.Transforms.Scrubbing;

/// <summary>The marker index finds exactly what an ordinal, case-ignoring search for every marker finds, in ASCII bytes
/// and in UTF-16 text with or without characters beyond ASCII.</summary>
public class MarkerIndexTests
{
    private static readonly string[] s_markers =
        [.. LeakRules.All.SelectMany(r => r.MarkerList).Distinct(StringComparer.OrdinalIgnoreCase)];

    public static TheoryData<string> Markers() => [.. s_markers];

    [Theory]
    [MemberData(nameof(Markers))]
    public void Find_MarkerAtStartMiddleAndEnd_InAnyCase_IsFound(string marker)
    {
        foreach (var cased in new[] { marker, marker.ToUpperInvariant(), marker.ToLowerInvariant(), AlternateCase(marker) })
        {
            foreach (var text in new[] { cased, cased + " tail", "head " + cased, "head " + cased + " tail" })
            {
                var start = text.IndexOf(cased, StringComparison.Ordinal);
                Assert.Contains((start, marker.Length), Hits(text));
                Assert.Contains((start, marker.Length), Hits(Encoding.ASCII.GetBytes(text)));
            }
        }
    }

    [Fact]
    public void Find_RandomTextsOfMarkerPieces_GivesEveryOccurrenceOfEveryMarker()
    {
        var random = new Random(20261206);
        for (var n = 0; n < 400; n++)
        {
            var text = new StringBuilder();
            while (text.Length < random.Next(1, 300))
            {
                var marker = s_markers[random.Next(s_markers.Length)];
                var piece = random.Next(3) == 0 ? marker[..random.Next(1, marker.Length + 1)] : marker;
                text.Append(random.Next(2) == 0 ? piece.ToUpperInvariant() : piece).Append(" .:/\\_=x9"[random.Next(9)]);
            }

            var s = text.ToString();
            var expected = Naive(s);
            Assert.Equal(expected, Hits(s));
            Assert.Equal(expected, Hits(Encoding.ASCII.GetBytes(s)));
        }
    }

    [Fact]
    public void Find_RandomTextsOfMarkerPiecesAmongNonAsciiCharacters_GivesEveryOccurrenceOfEveryMarker()
    {
        // Beyond ASCII the index reads a character's low seven bits (the vector pass its low byte): "á" (U+00E1) and
        // "š" (U+0161) read as "a", so they land inside anchors, and the full comparison must reject them.
        var random = new Random(20261207);
        string[] others = ["\u00A0", "é", "—", "日本", "😀", "\u200D"];
        for (var n = 0; n < 400; n++)
        {
            var text = new StringBuilder();
            while (text.Length < random.Next(1, 300))
            {
                var marker = s_markers[random.Next(s_markers.Length)];
                var cut = random.Next(marker.Length);
                var look = random.Next(3) switch
                {
                    0 => (char)(0x80 | marker[cut]),
                    1 => (char)(0x100 | marker[cut]),
                    _ => (char)(0x3000 | marker[cut]),
                };
                look = LeakRules.FoldToAscii.Contains(look) ? 'é' : look; // "1" | 0x100 is the dotless i
                var piece = random.Next(2) == 0 ? marker : marker[..cut] + look + marker[(cut + 1)..];
                text.Append(random.Next(2) == 0 ? piece.ToUpperInvariant() : piece).Append(others[random.Next(others.Length)]);
            }

            var s = text.ToString();
            Assert.Equal(Naive(s), Hits(s));
        }
    }

    [Fact]
    public void Find_TextShorterThanAPair_FindsNothing()
    {
        Assert.Empty(Hits(""));
        Assert.Empty(Hits("a"));
    }

    [Fact]
    public void Constructor_NonAsciiOrSingleCharacterMarker_Throws()
    {
        Assert.Throws<ArgumentException>(() => new MarkerIndex([("é1", 1UL)]));
        Assert.Throws<ArgumentException>(() => new MarkerIndex([("x", 1UL)]));
    }

    private static SortedSet<(int, int)> Naive(string text)
    {
        var hits = new SortedSet<(int, int)>();
        foreach (var marker in s_markers)
        {
            for (var at = text.IndexOf(marker, StringComparison.OrdinalIgnoreCase); at >= 0;
                 at = text.IndexOf(marker, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                hits.Add((at, marker.Length));
            }
        }

        return hits;
    }

    private static SortedSet<(int, int)> Hits(string text)
    {
        var hits = new SortedSet<(int, int)>();
        var found = LeakRules.Index.Find(text);
        while (found.MoveNext(~LeakRules.IntegrityMarker))
        {
            hits.Add((found.Start, found.Length));
        }

        return hits;
    }

    private static SortedSet<(int, int)> Hits(byte[] text)
    {
        var hits = new SortedSet<(int, int)>();
        var found = LeakRules.Index.Find(text);
        while (found.MoveNext(~LeakRules.IntegrityMarker))
        {
            hits.Add((found.Start, found.Length));
        }

        return hits;
    }

    private static string AlternateCase(string text) =>
        string.Concat(text.Select((c, i) => i % 2 == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)));
}
