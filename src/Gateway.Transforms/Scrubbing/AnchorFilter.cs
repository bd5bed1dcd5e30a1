using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Gateway.Transforms.Scrubbing;

/// <summary>
/// The first stage of <see cref="MarkerIndex"/>: the positions of a text where a marker's anchor may start.
/// An anchor is four characters of a marker (markers of four or more), a whole three-character marker, or a whole
/// two-character marker. A position passes when the four characters there, case folded, hit the quad table and its
/// confirming table, or its first two are a two-character marker.
/// </summary>
/// <remarks>
/// <para>
/// The quad table is a bit table: the first three characters pick a 32-bit word, all four a bit in it (multiplicative
/// hashes). A quad anchor sets one bit; a three-character marker sets its whole word, whatever follows it. So one
/// lookup per position serves both, and clean text seldom hits (a few hundred bits set among half a million).
/// </para>
/// <para>
/// The scalar test (<see cref="Passes(uint)"/>) is the definition. The AVX2 pass tests 32 positions at once, a superset
/// of the scalar test, and each position it flags gets the scalar test, so both passes return the same positions:
/// quads in the middle table (below), three-character markers and pairs with nibble masks (Teddy, as in Hyperscan).
/// Case folding is <c>| 0x20</c> on every byte: it maps upper-case letters to lower case and some punctuation onto other
/// punctuation, which only adds candidates the full comparison rejects.
/// </para>
/// <para>
/// The middle table serves two positions with one lookup, so a block of 32 takes two gathers, not four (the gathers were
/// three quarters of the block loop). It is read at every other position k, its word picked by the three characters
/// from k: the low half holds the quads that start at k (bit: the low nibble of their fourth character), the high half
/// the quads that start at k - 1 (bit: the low nibble of their first). Each quad anchor is entered in both halves.
/// </para>
/// <para>
/// UTF-16 text may hold characters beyond ASCII: each is read as its low seven bits (the vector pass narrows it to its
/// low byte first), so it can only add candidates, never hide an anchor, whose characters all are ASCII. The full
/// comparison in <see cref="MarkerIndex"/> rejects them. On such text the two passes may flag different non-hits.
/// </para>
/// </remarks>
[SkipLocalsInit] // the padded tail is filled before it is read
internal sealed partial class AnchorFilter
{
    // 2^14 words (64 KiB) each for ~280 quads and ~20 triples (scalar), and the same quads twice over (vector).
    private const int WordBits = 14;
    private const uint Multiplier = 0x9E3779B1; // Knuth's multiplicative hash (2^32 / golden ratio)
    private const uint BitMultiplier = 0x85EBCA6B; // MurmurHash3's finalizer constants
    private const int ConfirmBits = 12;
    private const uint ConfirmMultiplier = 0xC2B2AE35;
    private const uint ConfirmBitMultiplier = 0x27D4EB2F;
    private const uint FoldMask = 0x20202020;
    private const int Buckets = 8;
    private const int HalfBits = 16;
    private const int BlockPositions = 32;
    private const int BlockReads = BlockPositions + 3;

    private readonly uint[] _quads = new uint[1 << WordBits];
    private readonly uint[] _middles = new uint[1 << WordBits]; // the vector pass's quads: see the remarks

    // A second table with other hashes, tested only where the first one hits: a trigram of the text that shares a word
    // with a three-character marker (some do in any body: 22 of 16384 words are full) costs a lookup, not a dictionary
    // search of the owners.
    private readonly uint[] _confirm = new uint[1 << ConfirmBits];
    private readonly ulong[] _pairs = new ulong[256 * 256 / 64];

    // Teddy masks for the pairs: per position (0, 1), per nibble value, the buckets whose pairs allow it.
    private readonly byte[][] _low = [new byte[16], new byte[16]];
    private readonly byte[][] _high = [new byte[16], new byte[16]];

    // The same for the three-character markers (positions 0, 1, 2), laid out in Complete.
    private readonly byte[][] _tripleLow = [new byte[16], new byte[16], new byte[16]];
    private readonly byte[][] _tripleHigh = [new byte[16], new byte[16], new byte[16]];
    private readonly List<uint> _triples = [];
    private Lanes _lanes; // pairs low 0, 1, high 0, 1, triples low 0-2, high 0-2
    private int _pairCount;

    /// <summary>Case folds four characters (the first in the lowest byte).</summary>
    public static uint Fold(uint window) => window | FoldMask;

    /// <summary>Adds an anchor of four characters, case folded.</summary>
    public void AddQuad(uint folded)
    {
        _quads[Word(folded)] |= 1u << Bit(folded);
        _confirm[ConfirmWord(folded)] |= 1u << ConfirmBit(folded);
        _middles[Word(folded)] |= 1u << (int)((folded >> 24) & 0x0F); // read where it starts: its fourth character
        _middles[Word(folded >> 8)] |= 1u << (HalfBits + (int)(folded & 0x0F)); // read one on: its first character
    }

    /// <summary>Adds a three-character marker, case folded (in the three lowest bytes), as an anchor.</summary>
    public void AddTriple(uint folded)
    {
        _quads[Word(folded)] = _confirm[ConfirmWord(folded)] = uint.MaxValue;
        _triples.Add(folded & 0xFFFFFF);
    }

    /// <summary>Adds a two-character marker, lower case, as an anchor.</summary>
    public void AddPair(byte first, byte second)
    {
        // Pairs take the buckets in turn: with eight or fewer, each has its own and the masks are exact.
        var bucket = (byte)(1 << (_pairCount++ % Buckets));
        foreach (var a in CaseVariants(first))
        {
            foreach (var b in CaseVariants(second))
            {
                var pair = a | (b << 8);
                _pairs[pair >> 6] |= 1UL << pair;
            }

            _low[0][a & 0x0F] |= bucket;
            _high[0][a >> 4] |= bucket;
        }

        foreach (var b in CaseVariants(second))
        {
            _low[1][b & 0x0F] |= bucket;
            _high[1][b >> 4] |= bucket;
        }
    }

    /// <summary>Ends construction: lays out the nibble masks for the vector pass.</summary>
    public void Complete()
    {
        // Neighbours in sorted order share a bucket (".cs", ".go" …), so a bucket's masks stay narrow.
        var sorted = _triples.Distinct().OrderBy(t => ((t & 0xFF) << 16) | (t & 0xFF00) | ((t >> 16) & 0xFF)).ToArray();
        for (var t = 0; t < sorted.Length; t++)
        {
            var bucket = (byte)(1 << (t * Buckets / sorted.Length));
            for (var k = 0; k < 3; k++)
            {
                // The scalar test folds every byte with | 0x20: both bytes that fold to this one pass.
                var folded = (byte)(sorted[t] >> (8 * k));
                foreach (var b in new[] { folded, (byte)(folded & ~0x20) })
                {
                    _tripleLow[k][b & 0x0F] |= bucket;
                    _tripleHigh[k][b >> 4] |= bucket;
                }
            }
        }

        _lanes = new Lanes([.. _low.Concat(_high).Concat(_tripleLow).Concat(_tripleHigh).Select(m => Vector256.Create(Vector128.Create(m), Vector128.Create(m)))]);
    }

    /// <summary>The scalar test of the four characters at a position (the first in the lowest byte; past the end of
    /// the text, spaces).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Passes(uint window) => PassesQuad(window) || PassesPair(window);

    /// <summary>Whether a quad or three-character anchor may start here (both tables hit).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool PassesQuad(uint window)
    {
        var folded = Fold(window);
        return (_quads[Word(folded)] & (1u << Bit(folded))) != 0 && (_confirm[ConfirmWord(folded)] & (1u << ConfirmBit(folded))) != 0;
    }

    /// <summary>Whether a two-character marker starts here.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool PassesPair(uint window)
    {
        var pair = (int)(window & 0xFFFF);
        return (_pairs[pair >> 6] & (1UL << pair)) != 0;
    }


    /// <summary>The four characters at <paramref name="i"/> as bytes (the first in the lowest), spaces past the end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Window<T>(ref T start, int i, int length)
        where T : unmanaged
    {
        if (i + 4 <= length)
        {
            if (typeof(T) == typeof(byte))
            {
                return Unsafe.ReadUnaligned<uint>(ref Unsafe.As<T, byte>(ref Unsafe.Add(ref start, i)));
            }

            // Four chars: the low seven bits of each.
            var chars = Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<T, byte>(ref Unsafe.Add(ref start, i))) & 0x007F_007F_007F_007FUL;
            return (uint)((chars & 0xFF) | ((chars >> 8) & 0xFF00) | ((chars >> 16) & 0xFF_0000) | ((chars >> 24) & 0xFF00_0000));
        }

        uint window = 0;
        for (var k = 3; k >= 0; k--)
        {
            window = (window << 8) | (i + k < length ? Byte(ref start, i + k) : (uint)' ');
        }

        return window;
    }

    private static uint Byte<T>(ref T start, int i)
        where T : unmanaged =>
        typeof(T) == typeof(byte)
            ? Unsafe.As<T, byte>(ref Unsafe.Add(ref start, i))
            : (uint)(Unsafe.As<T, char>(ref Unsafe.Add(ref start, i)) & 0x7F); // beyond ASCII, a stand-in that no anchor needs


    private static byte[] CaseVariants(byte lower) =>
        lower is >= (byte)'a' and <= (byte)'z' ? [lower, (byte)(lower - 32)] : [lower];

    // The word depends on the first three characters only, so a three-character marker owns a whole word.
    private static int Word(uint folded) => (int)(((folded & 0xFFFFFF) * Multiplier) >> (32 - WordBits));

    private static int Bit(uint folded) => (int)((folded * BitMultiplier) >> 27);

    private static int ConfirmWord(uint folded) => (int)(((folded & 0xFFFFFF) * ConfirmMultiplier) >> (32 - ConfirmBits));

    private static int ConfirmBit(uint folded) => (int)((folded * ConfirmBitMultiplier) >> 27);
}
