using System.Text;
using Gateway.Transforms.Errors;
using Gateway.Transforms.Scrubbing;

namespace Gateway.Tests.Transforms.Scrubbing;

/// <summary>
/// The scan asks the marker index for fewer tags as kinds are found, in the middle of a walk, and the filter's walk
/// passes over anchors none of whose owners is still wanted without leaving its block. Whatever tags are dropped
/// between hits: every hit given is an occurrence whose tags were wanted when it was given, none twice, and every
/// occurrence whose tags are wanted to the end is given.
/// </summary>
public class MarkerIndexShrinkingWantedTests
{
    public static TheoryData<bool, bool> Passes() => new() { { true, true }, { true, false }, { false, true }, { false, false } };

    [Theory]
    [MemberData(nameof(Passes))]
    public void MoveNext_TagsDroppedBetweenHits_GivesEveryOccurrenceStillWanted(bool vectorize, bool bytes)
    {
        var markers = LeakRules.All.SelectMany((rule, i) => rule.MarkerList.Select(m => (m, 1UL << i)))
            .Concat(IntegrityViolationDetector.MarkerList.Select(m => (m, LeakRules.IntegrityMarker))).ToArray();
        var index = new MarkerIndex(markers, vectorize);
        var names = markers.Select(m => m.Item1).ToArray();
        var random = new Random(20261206);
        for (var n = 0; n < 300; n++)
        {
            var text = RandomText(random, names, n % 3 == 0 ? 3000 : 300);
            var wanted = LeakRules.AllRules | LeakRules.IntegrityMarker;
            var given = new HashSet<(int, int)>();
            var hits = bytes ? Walk(index.Find(Encoding.ASCII.GetBytes(text)), ref wanted, random, given)
                : Walk(index.Find(text), ref wanted, random, given);
            foreach (var (start, length, tags, wantedThen) in hits)
            {
                Assert.True((tags & wantedThen) != 0, "a hit's tags were wanted when it was given");
                Assert.True(Occurs(markers, text, start, length, tags), $"'{text.Substring(start, length)}' at {start} with its tags");
            }

            // Wanted only shrinks: an occurrence wanted at the end was wanted all along, so it must have been given.
            foreach (var (start, length) in Occurrences(markers, text, wanted))
            {
                Assert.Contains((start, length), given);
            }
        }
    }

    private static List<(int, int, ulong, ulong)> Walk<T>(MarkerIndex.Hits<T> found, ref ulong wanted, Random random, HashSet<(int, int)> given)
        where T : unmanaged, System.Numerics.IBinaryInteger<T>
    {
        var hits = new List<(int, int, ulong, ulong)>();
        while (found.MoveNext(wanted))
        {
            Assert.True(given.Add((found.Start, found.Length)), "a hit is given once");
            hits.Add((found.Start, found.Length, found.Tags, wanted));

            // As a found kind stops its rules: drop some of this hit's tags now and then, sometimes more.
            if (random.Next(4) == 0)
            {
                wanted &= ~(found.Tags & (ulong)random.NextInt64());
            }

            if (random.Next(20) == 0)
            {
                wanted &= (ulong)random.NextInt64() | LeakRules.IntegrityMarker;
            }
        }

        return hits;
    }

    // Dense text: markers and pieces of them, in any case, with separators that start and end paths and frames.
    private static string RandomText(Random random, string[] markers, int length)
    {
        var text = new StringBuilder();
        while (text.Length < length)
        {
            var marker = markers[random.Next(markers.Length)];
            var piece = random.Next(3) == 0 ? marker[..random.Next(1, marker.Length + 1)] : marker;
            text.Append(random.Next(2) == 0 ? piece.ToUpperInvariant() : piece).Append(" .:/\\_=x9\n"[random.Next(10)]);
        }

        return text.ToString();
    }

    private static Dictionary<string, ulong> Tags((string Marker, ulong Tags)[] markers)
    {
        var tags = new Dictionary<string, ulong>(StringComparer.OrdinalIgnoreCase);
        foreach (var (marker, tag) in markers)
        {
            tags[marker] = tags.GetValueOrDefault(marker) | tag;
        }

        return tags;
    }

    private static bool Occurs((string Marker, ulong Tags)[] markers, string text, int start, int length, ulong tags) =>
        Tags(markers).Any(t => t.Key.Length == length && t.Value == tags
            && string.Compare(text, start, t.Key, 0, length, StringComparison.OrdinalIgnoreCase) == 0);

    private static IEnumerable<(int, int)> Occurrences((string Marker, ulong Tags)[] markers, string text, ulong wanted)
    {
        foreach (var (marker, _) in Tags(markers).Where(t => (t.Value & wanted) != 0))
        {
            for (var at = text.IndexOf(marker, StringComparison.OrdinalIgnoreCase); at >= 0;
                 at = text.IndexOf(marker, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                yield return (at, marker.Length);
            }
        }
    }
}
