using System.Numerics;

namespace Gateway.Transforms.Scrubbing;

/// <summary>The markers that own the anchors at one position, in the order they are compared, and all their tags.</summary>
internal sealed class MarkerOwners(MarkerEntry[] entries)
{
    public MarkerEntry[] Entries { get; } = entries;

    /// <summary>The union of the entries' tags: a position none of whose owners is wanted is passed over at once.</summary>
    public ulong Tags { get; } = entries.Aggregate(0UL, (tags, entry) => tags | entry.Tags);
}

/// <summary>
/// The owners of <see cref="MarkerIndex"/>'s anchors by case-folded key, merged so that one lookup usually serves a
/// position: a quad's list also holds the three-character markers of its first three characters and the
/// two-character markers of its first two, and a triple's list the two-character markers of its first two.
/// </summary>
/// <remarks>An open-addressed table (linear probing, at most a quarter full), looked up at every anchor the filter lets
/// through: on a page dense with markers that is thousands of times per call, and a frozen dictionary's lookup cost about
/// as much as the rest of the anchor's test. Quad keys have a non-zero high byte (folding sets bit 5 of every byte), triple keys a zero one and pair keys
/// two zero high bytes, so the three kinds share one table. The full comparison, with its bounds check, decides every
/// hit, so a merged entry that cannot match at a position (the text ends too soon, a folded character differs) only
/// costs its comparison.</remarks>
internal sealed class MarkerOwnerTable
{
    private const uint Multiplier = 0x9E3779B1; // Knuth's multiplicative hash

    private readonly uint[] _keys; // 0 marks an empty slot: a folded key never is 0 (folding sets bit 5 of every byte)
    private readonly MarkerOwners?[] _owners;
    private readonly int _shift;

    public MarkerOwnerTable(
        Dictionary<uint, List<MarkerEntry>> quads,
        Dictionary<uint, List<MarkerEntry>> triples,
        Dictionary<uint, List<MarkerEntry>> pairs)
    {
        IEnumerable<MarkerEntry> Of(Dictionary<uint, List<MarkerEntry>> table, uint key) =>
            table.TryGetValue(key, out var list) ? list : [];

        var owners = new Dictionary<uint, MarkerOwners>();
        foreach (var key in quads.Keys)
        {
            owners[key] = new([.. quads[key], .. Of(triples, key & 0xFFFFFF), .. Of(pairs, key & 0xFFFF)]);
        }

        foreach (var key in triples.Keys)
        {
            owners[key] = new([.. triples[key], .. Of(pairs, key & 0xFFFF)]);
        }

        foreach (var key in pairs.Keys)
        {
            owners[key] = new([.. pairs[key]]);
        }

        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, 4 * owners.Count));
        (_keys, _owners, _shift) = (new uint[size], new MarkerOwners?[size], 32 - BitOperations.Log2((uint)size));
        foreach (var (key, list) in owners)
        {
            var slot = Slot(key);
            while (_keys[slot] != 0)
            {
                slot = (slot + 1) & (size - 1);
            }

            (_keys[slot], _owners[slot]) = (key, list);
        }
    }

    /// <summary>The owners of the quad anchor <paramref name="folded"/>, with the shorter markers it starts with.</summary>
    public MarkerOwners? Quad(uint folded) => Owners(folded);

    /// <summary>The owners of the three-character marker in the low three bytes, with the pairs it starts with.</summary>
    public MarkerOwners? Triple(uint folded) => Owners(folded & 0xFFFFFF);

    /// <summary>The owners of the two-character marker in the low two bytes.</summary>
    public MarkerOwners? Pair(uint folded) => Owners(folded & 0xFFFF);

    private MarkerOwners? Owners(uint key)
    {
        var keys = _keys;
        for (var slot = Slot(key); ; slot = (slot + 1) & (keys.Length - 1))
        {
            var found = keys[slot];
            if (found == key)
            {
                return _owners[slot];
            }

            if (found == 0)
            {
                return null;
            }
        }
    }

    private int Slot(uint key) => (int)((key * Multiplier) >> _shift);
}
