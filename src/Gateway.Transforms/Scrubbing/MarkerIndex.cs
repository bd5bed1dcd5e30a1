using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Gateway.Transforms.Scrubbing;

/// <summary>
/// Finds ASCII markers, ignoring case, in ASCII bytes or in UTF-16 text in one pass without Aho-Corasick: each marker is
/// anchored on its rarest four characters (a marker of two or three on all of them), <see cref="AnchorFilter"/> finds
/// the positions where an anchor may start, and only there are the markers that own that anchor compared in full.
/// </summary>
/// <remarks>
/// Same hits as <see cref="System.Buffers.SearchValues{T}"/> with <see cref="StringComparison.OrdinalIgnoreCase"/>:
/// every occurrence of every marker, overlapping ones included. A character beyond ASCII is never part of a hit, which
/// is that search's answer too, except for the characters of <see cref="LeakRules.FoldToAscii"/> where culture data
/// is loaded (callers keep such text away). Hits come in the order of their anchors,
/// so a hit may start up to the longest marker's length before the previous one.
/// </remarks>
internal sealed class MarkerIndex
{
    private readonly AnchorFilter _filter = new();
    private readonly bool _vectorize;

    // Owners by case-folded anchor: four characters (first in the lowest byte), three, or two.
    private readonly MarkerOwnerTable _owners;

    /// <param name="markers">ASCII markers, each with the tags (bit masks) it stands for; equal markers (ignoring case)
    /// have their tags combined.</param>
    /// <param name="vectorize">Whether the text may be searched with AVX2 (tests compare both passes).</param>
    public MarkerIndex(IEnumerable<(string Marker, ulong Tags)> markers, bool vectorize = true)
    {
        _vectorize = vectorize;
        var tags = new Dictionary<string, ulong>(StringComparer.OrdinalIgnoreCase);
        foreach (var (marker, tag) in markers)
        {
            if (marker.Length < 2 || !Ascii.IsValid(marker))
            {
                throw new ArgumentException($"Marker '{marker}' is not ASCII of at least two characters.", nameof(markers));
            }

            tags[marker] = tags.GetValueOrDefault(marker) | tag;
        }

        var quads = new Dictionary<uint, List<MarkerEntry>>();
        var triples = new Dictionary<uint, List<MarkerEntry>>();
        var pairs = new Dictionary<uint, List<MarkerEntry>>();
        foreach (var (marker, tag) in tags.OrderBy(t => t.Key, StringComparer.OrdinalIgnoreCase))
        {
            var lower = Encoding.ASCII.GetBytes(marker.ToLowerInvariant());
            var offset = lower.Length >= 4 ? AnchorRarity.RarestQuad(lower) : 0;
            var key = Key(lower, offset);
            var owners = lower.Length switch
            {
                >= 4 => quads,
                3 => triples,
                _ => pairs,
            };

            if (!owners.TryGetValue(key, out var list))
            {
                owners[key] = list = [];
                switch (lower.Length)
                {
                    case >= 4: _filter.AddQuad(key); break;
                    case 3: _filter.AddTriple(key); break;
                    default: _filter.AddPair(lower[0], lower[1]); break;
                }
            }

            list.Add(new MarkerEntry(lower, offset, tag));
        }

        _filter.Complete();
        _owners = new MarkerOwnerTable(quads, triples, pairs);
        MaxLength = tags.Keys.Max(m => m.Length);
    }

    /// <summary>The length of the longest marker.</summary>
    public int MaxLength { get; }

    /// <summary>The hits in <paramref name="text"/>: ASCII, or UTF-8, whose bytes beyond ASCII never belong to one
    /// (no byte of a multi-byte sequence is ASCII, and the comparison is exact).</summary>
    public Hits<byte> Find(ReadOnlySpan<byte> text) => new(this, text);

    /// <summary>The hits in <paramref name="text"/>; characters beyond ASCII never belong to one.</summary>
    public Hits<char> Find(ReadOnlySpan<char> text) => new(this, text);

    /// <summary>Whether any marker occurs in <paramref name="text"/>, which must be ASCII.</summary>
    public bool ContainsAny(ReadOnlySpan<byte> text)
    {
        var hits = Find(text);
        return hits.MoveNext(ulong.MaxValue);
    }

    // The case-folded anchor of a marker (lower case) at offset: up to four characters, the first in the lowest byte.
    private static uint Key(byte[] lower, int offset)
    {
        uint key = 0;
        var length = Math.Min(4, lower.Length);
        for (var k = length - 1; k >= 0; k--)
        {
            key = (key << 8) | lower[offset + k];
        }

        return length == 4 ? AnchorFilter.Fold(key) : AnchorFilter.Fold(key) & (length == 3 ? 0xFFFFFFu : 0xFFFFu);
    }

    /// <summary>Walks the hits of one text; <typeparamref name="T"/> is <see cref="byte"/> or <see cref="char"/>.</summary>
    public ref struct Hits<T>
        where T : unmanaged, IBinaryInteger<T>
    {
        private readonly MarkerIndex _index;
        private readonly ReadOnlySpan<T> _text;
        private int _anchor;
        private AnchorFilter.Cursor _cursor;
        private MarkerEntry[]? _owners; // of the current anchor, compared from _next on
        private int _next;

        public Hits(MarkerIndex index, ReadOnlySpan<T> text)
        {
            _index = index;
            _text = text;
            _anchor = -1;
        }

        /// <summary>Where the current hit starts.</summary>
        public int Start { get; private set; }

        /// <summary>The current hit's length.</summary>
        public int Length { get; private set; }

        /// <summary>The current hit's tags.</summary>
        public ulong Tags { get; private set; }

        /// <summary>Moves to the next hit whose tags meet <paramref name="wanted"/>.</summary>
        public bool MoveNext(ulong wanted)
        {
            while (true)
            {
                if (_owners is not null)
                {
                    while (_next < _owners.Length)
                    {
                        var entry = _owners[_next++];
                        if ((entry.Tags & wanted) != 0 && Matches(entry))
                        {
                            return true;
                        }
                    }

                    _owners = null;
                }

                if (!NextAnchor(wanted))
                {
                    return false;
                }
            }
        }

        private bool Matches(MarkerEntry entry)
        {
            var start = _anchor - entry.Offset;
            if (typeof(T) == typeof(byte))
            {
                if (!entry.StartsAt(MemoryMarshal.Cast<T, byte>(_text), start))
                {
                    return false;
                }
            }
            else if (start < 0
                || start + entry.Marker.Length > _text.Length
                || !Ascii.EqualsIgnoreCase(MemoryMarshal.Cast<T, char>(_text.Slice(start, entry.Marker.Length)), entry.Marker))
            {
                return false;
            }

            (Start, Length, Tags) = (start, entry.Marker.Length, entry.Tags);
            return true;
        }

        // The next anchor with an owner whose tags are wanted, and its owners. The hot loop is the anchor filter's, which
        // also looks the owners up, so an anchor of finished rules does not leave it.
        private bool NextAnchor(ulong wanted)
        {
            var test = new WantedOwners(_index, wanted);
            var found = _index._filter.Next(_text, _anchor + 1, _index._vectorize, ref _cursor, ref test);
            if (found < 0)
            {
                _anchor = _text.Length;
                return false;
            }

            (_anchor, _owners, _next) = (found, test.Owners, 0);
            return true;
        }
    }

    // The owners of the anchors at a position, in one lookup when a quad anchor is there (its list holds the shorter
    // markers it starts with too), accepted when one of them has a wanted tag. The filter tells which kinds of anchor
    // can be there.
    private struct WantedOwners(MarkerIndex index, ulong wanted) : IAnchorTest
    {
        public MarkerEntry[]? Owners { get; private set; }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Accepts(uint window, bool quad)
        {
            var table = index._owners;
            var folded = AnchorFilter.Fold(window);
            var owners = quad ? table.Quad(folded) ?? table.Triple(folded) : null;
            if (owners is null && index._filter.PassesPair(window))
            {
                owners = table.Pair(folded);
            }

            if (owners is null || (owners.Tags & wanted) == 0)
            {
                return false;
            }

            Owners = owners.Entries;
            return true;
        }
    }
}
