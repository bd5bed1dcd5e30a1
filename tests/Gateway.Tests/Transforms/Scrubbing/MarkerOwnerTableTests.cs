using Gateway.Transforms.Scrubbing;

namespace Gateway.Tests.Transforms.Scrubbing;

/// <summary>The open-addressed owner table finds every key it was built with and no other, whatever the keys collide on.</summary>
public class MarkerOwnerTableTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(300)]
    [InlineData(2000)]
    public void Lookups_RandomKeys_AgreeWithADictionary(int count)
    {
        var random = new Random(count);
        var quads = new Dictionary<uint, List<MarkerEntry>>();
        var triples = new Dictionary<uint, List<MarkerEntry>>();
        var pairs = new Dictionary<uint, List<MarkerEntry>>();
        for (var n = 0; n < count; n++)
        {
            // Folded keys, as the index makes them: bit 5 of every byte set; triples and pairs in the low bytes only.
            var key = AnchorFilter.Fold((uint)random.Next()) & (random.Next(3) switch { 0 => 0xFFFFFFFFu, 1 => 0xFFFFFFu, _ => 0xFFFFu });
            var table = key > 0xFFFFFF ? quads : key > 0xFFFF ? triples : pairs;
            table.TryAdd(key, [new MarkerEntry([(byte)'a', (byte)'b'], 0, 1UL << random.Next(64))]);
        }

        var owners = new MarkerOwnerTable(quads, triples, pairs);
        foreach (var (key, list) in quads)
        {
            Assert.Same(list[0], owners.Quad(key)!.Entries[0]);
        }

        foreach (var (key, list) in triples)
        {
            Assert.Same(list[0], owners.Triple(key | 0x20000000)!.Entries[0]);
        }

        foreach (var (key, list) in pairs)
        {
            Assert.Same(list[0], owners.Pair(key | 0x20200000)!.Entries[0]);
        }

        for (var n = 0; n < 10_000; n++)
        {
            var key = AnchorFilter.Fold((uint)random.Next());
            Assert.Equal(quads.ContainsKey(key), owners.Quad(key) is not null);
            Assert.Equal(triples.ContainsKey(key & 0xFFFFFF), owners.Triple(key) is not null);
            Assert.Equal(pairs.ContainsKey(key & 0xFFFF), owners.Pair(key) is not null);
        }
    }
}
