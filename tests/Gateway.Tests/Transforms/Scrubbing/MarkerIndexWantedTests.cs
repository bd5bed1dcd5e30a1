using System.Text;
using Gateway.Transforms.Errors;
using Gateway.Transforms.Scrubbing;

namespace Gateway.Tests.Transforms.Scrubbing;

/// <summary>The marker index asked for some tags only gives exactly the occurrences of the markers with one of those
/// tags, with their tags, whatever anchors the markers share (a quad's owners are merged with the three- and
/// two-character markers it starts with, and a position none of whose owners is wanted is passed over).</summary>
public class MarkerIndexWantedTests
{
    // Markers that share anchors and prefixes: pairs inside triples inside quads, quads inside longer markers.
    private static readonly string[] s_nested =
        ["ab", "abc", "abcd", "abcdef", "xabcd", "bc", "bcd", "cd", "zq", "zqj", "zqjx", "qjx", "::", "at ", "at sys"];

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Find_NestedMarkersWithRandomTags_GivesTheOccurrencesOfTheWantedOnes(bool vectorize)
    {
        var random = new Random(20261208);
        for (var round = 0; round < 40; round++)
        {
            var markers = s_nested.Select(m => (m, 1UL << random.Next(6))).ToArray();
            var index = new MarkerIndex(markers, vectorize);
            for (var n = 0; n < 30; n++)
            {
                var text = RandomText(random, s_nested, "AaBbx:.- ");
                var wanted = (ulong)random.Next(1, 64);
                Assert.Equal(Naive(markers, text, wanted), Hits(index, text, wanted));
                Assert.Equal(Naive(markers, text, wanted), Hits(index, Encoding.ASCII.GetBytes(text), wanted));
            }
        }
    }

    [Fact]
    public void Find_LeakMarkersAskedForSomeRules_GivesTheOccurrencesOfThoseRulesMarkers()
    {
        // The index's own markers and tags: a marker of a rule may be an integrity marker too.
        var markers = LeakRules.All.SelectMany((rule, i) => rule.MarkerList.Select(m => (m, 1UL << i)))
            .Concat(IntegrityViolationDetector.MarkerList.Select(m => (m, LeakRules.IntegrityMarker))).ToArray();
        var names = markers.Select(m => m.Item1).ToArray();
        var random = new Random(20261209);
        for (var n = 0; n < 300; n++)
        {
            var text = RandomText(random, names, " .:/\\_=x9");
            var wanted = 0UL;
            while (wanted == 0)
            {
                wanted = (ulong)random.NextInt64() & LeakRules.AllRules & (ulong)random.NextInt64();
            }

            Assert.Equal(Naive(markers, text, wanted), Hits(LeakRules.Index, text, wanted));
            Assert.Equal(Naive(markers, text, wanted), Hits(LeakRules.Index, Encoding.ASCII.GetBytes(text), wanted));
        }
    }

    private static string RandomText(Random random, string[] markers, string separators)
    {
        var text = new StringBuilder();
        var length = random.Next(1, 300);
        while (text.Length < length)
        {
            var marker = markers[random.Next(markers.Length)];
            var piece = random.Next(3) == 0 ? marker[..random.Next(1, marker.Length + 1)] : marker;
            text.Append(random.Next(2) == 0 ? piece.ToUpperInvariant() : piece).Append(separators[random.Next(separators.Length)]);
        }

        return text.ToString();
    }

    private static SortedSet<(int, int, ulong)> Naive((string Marker, ulong Tags)[] markers, string text, ulong wanted)
    {
        var tags = new Dictionary<string, ulong>(StringComparer.OrdinalIgnoreCase);
        foreach (var (marker, tag) in markers)
        {
            tags[marker] = tags.GetValueOrDefault(marker) | tag;
        }

        var hits = new SortedSet<(int, int, ulong)>();
        foreach (var (marker, tag) in tags.Where(t => (t.Value & wanted) != 0))
        {
            for (var at = text.IndexOf(marker, StringComparison.OrdinalIgnoreCase); at >= 0;
                 at = text.IndexOf(marker, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                hits.Add((at, marker.Length, tag));
            }
        }

        return hits;
    }

    private static SortedSet<(int, int, ulong)> Hits(MarkerIndex index, string text, ulong wanted)
    {
        var hits = new SortedSet<(int, int, ulong)>();
        var found = index.Find(text);
        while (found.MoveNext(wanted))
        {
            Assert.True(hits.Add((found.Start, found.Length, found.Tags)), "a hit is given once");
        }

        return hits;
    }

    private static SortedSet<(int, int, ulong)> Hits(MarkerIndex index, byte[] text, ulong wanted)
    {
        var hits = new SortedSet<(int, int, ulong)>();
        var found = index.Find(text);
        while (found.MoveNext(wanted))
        {
            Assert.True(hits.Add((found.Start, found.Length, found.Tags)), "a hit is given once");
        }

        return hits;
    }
}
