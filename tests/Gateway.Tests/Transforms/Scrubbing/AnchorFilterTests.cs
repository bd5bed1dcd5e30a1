using System.Text;
using FsCheck;
using FsCheck.Xunit;
using Gateway.Transforms.Errors;
using Gateway.Transforms.Scrubbing;

namespace Gateway.Tests.Transforms.Scrubbing;

/// <summary>
/// The AVX2 pass of the anchor filter finds exactly the hits of the scalar pass (and of an ordinal, case-ignoring
/// search), over bytes and over chars, wherever a marker sits relative to the 32-position blocks: inside one, across
/// two, at the first and last character.
/// </summary>
public class AnchorFilterTests
{
    private static readonly (string Marker, ulong Tags)[] s_markers =
        [.. LeakRules.All.SelectMany((rule, i) => rule.MarkerList.Select(marker => (marker, 1UL << i)))
            .Concat(IntegrityViolationDetector.MarkerList.Select(marker => (marker, LeakRules.IntegrityMarker)))];

    private static readonly string[] s_distinct = [.. s_markers.Select(m => m.Marker).Distinct(StringComparer.OrdinalIgnoreCase)];

    private static readonly MarkerIndex s_vector = new(s_markers);
    private static readonly MarkerIndex s_scalar = new(s_markers, vectorize: false);

    // Lengths around the block size (32 positions, 35 bytes read) and its multiples, and the marker's own length.
    private static readonly int[] s_lengths = [34, 35, 36, 37, 66, 67, 68, 69, 99, 130];

    [Fact]
    public void Find_EveryMarkerAtEveryAlignment_VectorAndScalarAgree()
    {
        var random = new Random(20261206);
        foreach (var marker in s_distinct)
        {
            var cased = random.Next(2) == 0 ? marker.ToUpperInvariant() : AlternateCase(marker);
            foreach (var length in s_lengths.Append(marker.Length).Where(l => l >= marker.Length))
            {
                var filler = Filler(random, length);
                for (var at = 0; at + marker.Length <= length; at++)
                {
                    var text = (byte[])filler.Clone();
                    Encoding.ASCII.GetBytes(cased, 0, cased.Length, text, at);
                    var vector = Hits(s_vector, text);
                    Assert.Contains((at, marker.Length), vector);
                    Assert.Equal(Hits(s_scalar, text), vector);
                    Assert.Equal(vector, Hits(s_vector, Encoding.ASCII.GetString(text))); // chars, narrowed to bytes
                }
            }
        }
    }

    [Property(MaxTest = 300)]
    public bool Find_RandomAsciiWithPlantedMarkers_VectorScalarAndNaiveAgree(int seed, PositiveInt size)
    {
        var random = new Random(seed);
        var text = Filler(random, 1 + (size.Get % 400), anyAscii: true);
        for (var n = random.Next(6); n > 0; n--)
        {
            var marker = s_distinct[random.Next(s_distinct.Length)];
            if (marker.Length <= text.Length)
            {
                var cased = random.Next(2) == 0 ? marker.ToUpperInvariant() : AlternateCase(marker);
                Encoding.ASCII.GetBytes(cased, 0, cased.Length, text, random.Next(text.Length - marker.Length + 1));
            }
        }

        var vector = Hits(s_vector, text);
        var chars = Hits(s_vector, Encoding.ASCII.GetString(text));
        return vector.SetEquals(Hits(s_scalar, text)) && vector.SetEquals(chars) && vector.SetEquals(Naive(Encoding.ASCII.GetString(text)));
    }

    [Fact]
    public void Find_MarkerEndingAtLastByteOfLongText_IsFound()
    {
        foreach (var marker in s_distinct)
        {
            var text = Encoding.ASCII.GetBytes(new string(' ', 1000) + marker);
            Assert.Contains((1000, marker.Length), Hits(s_vector, text));
        }
    }

    // The last block overlaps positions the loop already tested, and the walk resumes there after each hit: every marker
    // is found once, also the one that ends the text after a hit in that block.
    [Fact]
    public void Find_SeveralMarkersInTheLastBlock_VectorAndScalarAgree()
    {
        var random = new Random(20261207);
        var shortest = s_distinct.OrderBy(m => m.Length).Take(60).ToArray();
        foreach (var length in new[] { 35, 36, 40, 67, 70, 100, 1024 })
        {
            for (var k = 0; k < 200; k++)
            {
                var text = Filler(random, length);
                var first = shortest[random.Next(shortest.Length)];
                var last = shortest[random.Next(shortest.Length)];
                if (first.Length + last.Length > Math.Min(length, 35))
                {
                    continue;
                }

                var firstAt = length - 35 + random.Next(35 - first.Length - last.Length + 1);
                Encoding.ASCII.GetBytes(first, 0, first.Length, text, Math.Max(0, firstAt));
                Encoding.ASCII.GetBytes(last, 0, last.Length, text, length - last.Length);
                var vector = Hits(s_vector, text);
                Assert.Contains((length - last.Length, last.Length), vector);
                Assert.Equal(Hits(s_scalar, text), vector);
                Assert.Equal(Naive(Encoding.ASCII.GetString(text)), vector);
            }
        }
    }

    // The vector pass reads a character beyond ASCII as its low byte ('š' U+0161 as 'a', 'Ł' U+0141 as 'A'), the scalar
    // pass as its low seven bits: neither may hide a marker beside such characters, at either of the two positions one
    // lookup of the middle table serves.
    [Property(MaxTest = 300)]
    public bool Find_MarkersAmongLookalikeCharacters_VectorScalarAndNaiveAgree(int seed, PositiveInt size)
    {
        const string Lookalikes = "\u0161\u0141\u0173\u012F\u00E9\u00C0\u2019\u00A0\u4E2D\u0430 aA.:/";
        var random = new Random(seed);
        var text = new char[1 + (size.Get % 300)];
        for (var i = 0; i < text.Length; i++)
        {
            text[i] = Lookalikes[random.Next(Lookalikes.Length)];
        }

        for (var n = random.Next(1, 6); n > 0; n--)
        {
            var marker = s_distinct[random.Next(s_distinct.Length)];
            if (marker.Length <= text.Length)
            {
                var cased = random.Next(2) == 0 ? marker.ToUpperInvariant() : AlternateCase(marker);
                cased.CopyTo(0, text, random.Next(text.Length - marker.Length + 1), cased.Length);
            }
        }

        var chars = new string(text);
        var vector = Hits(s_vector, chars);
        return vector.SetEquals(Hits(s_scalar, chars)) && vector.SetEquals(Naive(chars));
    }

    // Letters, digits and spaces, or (anyAscii) every ASCII value, control characters included.
    private static byte[] Filler(Random random, int length, bool anyAscii = false)
    {
        const string Common = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 .,:;/\\\"'()[]{}<>=_-+*\n";
        var text = new byte[length];
        for (var i = 0; i < length; i++)
        {
            text[i] = anyAscii ? (byte)random.Next(128) : (byte)Common[random.Next(Common.Length)];
        }

        return text;
    }

    private static SortedSet<(int, int)> Naive(string text)
    {
        var hits = new SortedSet<(int, int)>();
        foreach (var marker in s_distinct)
        {
            for (var at = text.IndexOf(marker, StringComparison.OrdinalIgnoreCase); at >= 0;
                 at = text.IndexOf(marker, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                hits.Add((at, marker.Length));
            }
        }

        return hits;
    }

    private static SortedSet<(int, int)> Hits(MarkerIndex index, byte[] text)
    {
        var hits = new SortedSet<(int, int)>();
        var found = index.Find(text);
        while (found.MoveNext(ulong.MaxValue))
        {
            hits.Add((found.Start, found.Length));
        }

        return hits;
    }

    private static SortedSet<(int, int)> Hits(MarkerIndex index, string text)
    {
        var hits = new SortedSet<(int, int)>();
        var found = index.Find(text);
        while (found.MoveNext(ulong.MaxValue))
        {
            hits.Add((found.Start, found.Length));
        }

        return hits;
    }

    private static string AlternateCase(string text) =>
        string.Concat(text.Select((c, i) => i % 2 == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)));
}
