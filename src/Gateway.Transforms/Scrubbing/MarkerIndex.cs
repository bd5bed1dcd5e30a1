using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Gateway.Transforms.Scrubbing;

/// <summary>
/// Finds ASCII markers, ignoring case, in ASCII text (bytes or chars) in one pass without Aho-Corasick: each marker is
/// anchored on its rarest pair of adjacent characters, the pass tests every pair of the text against a bit table of
/// the anchors (all case variants), and only where an anchor occurs are the markers that own it compared in full.
/// </summary>
/// <remarks>
/// Same hits as <see cref="System.Buffers.SearchValues{T}"/> with <see cref="StringComparison.OrdinalIgnoreCase"/> on
/// ASCII text: every occurrence of every marker, overlapping ones included. Hits come in the order of their anchors,
/// so a hit may start up to the longest marker's length before the previous one.
/// </remarks>
internal sealed class MarkerIndex
{
    private const int Pairs = 128 * 128;

    // The anchor table is indexed by two raw bytes, first | second << 8, so the byte loop needs no arithmetic.
    private const int RawPairs = 256 * 256;

    // Rough share of each ASCII character in error bodies (JSON, HTML, prose): space and lower-case letters by English
    // frequency first. The rarest pair of a marker is its anchor, so clean text seldom wakes a comparison.
    private const string CommonFirst = " etaoinsrhldcu\"m.,:/-fpgw0y1b2<>=v_k35[]{}49687'x;jqz()";

    private readonly ulong[] _anchors = new ulong[RawPairs / 64];
    private readonly Entry[]?[] _owners = new Entry[]?[Pairs];

    /// <param name="markers">ASCII markers, each with the tags (bit masks) it stands for; equal markers (ignoring case)
    /// have their tags combined.</param>
    public MarkerIndex(IEnumerable<(string Marker, ulong Tags)> markers)
    {
        var tags = new Dictionary<string, ulong>(StringComparer.OrdinalIgnoreCase);
        foreach (var (marker, tag) in markers)
        {
            if (marker.Length < 2 || !Ascii.IsValid(marker))
            {
                throw new ArgumentException($"Marker '{marker}' is not ASCII of at least two characters.", nameof(markers));
            }

            tags[marker] = tags.GetValueOrDefault(marker) | tag;
        }

        var owners = new Dictionary<int, List<Entry>>();
        foreach (var (marker, tag) in tags)
        {
            var lower = Encoding.ASCII.GetBytes(marker.ToLowerInvariant());
            var offset = RarestPair(lower);
            var key = (lower[offset] << 7) | lower[offset + 1];
            if (!owners.TryGetValue(key, out var list))
            {
                owners[key] = list = [];
            }

            list.Add(new Entry(lower, offset, tag));
            foreach (var first in CaseVariants(lower[offset]))
            {
                foreach (var second in CaseVariants(lower[offset + 1]))
                {
                    var pair = first | (second << 8);
                    _anchors[pair >> 6] |= 1UL << pair;
                }
            }
        }

        foreach (var (key, list) in owners)
        {
            _owners[key] = [.. list];
        }

        MaxLength = tags.Keys.Max(m => m.Length);
    }

    /// <summary>The length of the longest marker.</summary>
    public int MaxLength { get; }

    /// <summary>The hits in <paramref name="text"/>, which must be ASCII.</summary>
    public Hits<byte> Find(ReadOnlySpan<byte> text) => new(this, text);

    /// <summary>The hits in <paramref name="text"/>, which must be ASCII.</summary>
    public Hits<char> Find(ReadOnlySpan<char> text) => new(this, text);

    /// <summary>Whether any marker occurs in <paramref name="text"/>, which must be ASCII.</summary>
    public bool ContainsAny(ReadOnlySpan<byte> text)
    {
        var hits = Find(text);
        return hits.MoveNext(ulong.MaxValue);
    }

    private static int RarestPair(byte[] lower)
    {
        var best = 0;
        var bestScore = int.MinValue;
        for (var k = 0; k + 1 < lower.Length; k++)
        {
            var score = Rarity(lower[k]) + Rarity(lower[k + 1]);
            if (score > bestScore)
            {
                (best, bestScore) = (k, score);
            }
        }

        return best;
    }

    private static int Rarity(byte c)
    {
        var rank = CommonFirst.IndexOf((char)c, StringComparison.Ordinal);
        return rank < 0 ? CommonFirst.Length + 16 : rank;
    }

    private static byte[] CaseVariants(byte lower) =>
        lower is >= (byte)'a' and <= (byte)'z' ? [lower, (byte)(lower - 32)] : [lower];

    private static int Fold(int c) => c is >= 'A' and <= 'Z' ? c | 0x20 : c;

    /// <summary>A marker (lower case), the offset of its anchor pair and its tags.</summary>
    private sealed record Entry(byte[] Marker, int Offset, ulong Tags);

    /// <summary>Walks the hits of one text; <typeparamref name="T"/> is <see cref="byte"/> or <see cref="char"/>.</summary>
    public ref struct Hits<T>
        where T : unmanaged, IBinaryInteger<T>
    {
        private readonly MarkerIndex _index;
        private readonly ReadOnlySpan<T> _text;
        private int _anchor;
        private Entry[]? _owners;
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

                if (!NextAnchor())
                {
                    return false;
                }
            }
        }

        private bool Matches(Entry entry)
        {
            var start = _anchor - entry.Offset;
            if (start < 0 || start + entry.Marker.Length > _text.Length)
            {
                return false;
            }

            var slice = _text.Slice(start, entry.Marker.Length);
            var equal = typeof(T) == typeof(byte)
                ? Ascii.EqualsIgnoreCase(MemoryMarshal.Cast<T, byte>(slice), entry.Marker)
                : Ascii.EqualsIgnoreCase(MemoryMarshal.Cast<T, char>(slice), entry.Marker);
            if (!equal)
            {
                return false;
            }

            (Start, Length, Tags) = (start, entry.Marker.Length, entry.Tags);
            return true;
        }

        // The hot loop: one test of the anchor table per pair of adjacent characters.
        private bool NextAnchor()
        {
            var from = _anchor + 1;
            var found = typeof(T) == typeof(byte)
                ? NextPair(MemoryMarshal.Cast<T, byte>(_text), from, _index._anchors)
                : NextPair(MemoryMarshal.Cast<T, char>(_text), from, _index._anchors);
            if (found < 0)
            {
                _anchor = _text.Length;
                return false;
            }

            _anchor = found;
            var first = int.CreateTruncating(_text[found]);
            var second = int.CreateTruncating(_text[found + 1]);
            _owners = _index._owners[(Fold(first) << 7) | Fold(second)];
            _next = 0;
            return true;
        }

        private static int NextPair(ReadOnlySpan<byte> text, int from, ulong[] anchors)
        {
            ref var start = ref MemoryMarshal.GetReference(text);
            ref var table = ref MemoryMarshal.GetArrayDataReference(anchors);
            var last = text.Length - 1;
            for (var i = from; i < last; i++)
            {
                int pair = Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref start, i)); // first | second << 8
                if ((Unsafe.Add(ref table, pair >> 6) & (1UL << pair)) != 0)
                {
                    return i;
                }
            }

            return -1;
        }

        private static int NextPair(ReadOnlySpan<char> text, int from, ulong[] anchors)
        {
            ref var start = ref MemoryMarshal.GetReference(text);
            ref var table = ref MemoryMarshal.GetArrayDataReference(anchors);
            var last = text.Length - 1;
            for (var i = from; i < last; i++)
            {
                // ASCII text: both characters are below 128.
                var pair = (Unsafe.Add(ref start, i) & 0x7F) | ((Unsafe.Add(ref start, i + 1) & 0x7F) << 8);
                if ((Unsafe.Add(ref table, pair >> 6) & (1UL << pair)) != 0)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
