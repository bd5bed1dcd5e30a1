using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Gateway.Transforms.Scrubbing;

/// <summary>The walk of <see cref="AnchorFilter"/>: 32 positions at a time with AVX2, each flagged one given the scalar
/// test, then the caller's test of the anchor's owners, before the walk leaves its block loop.</summary>
internal sealed partial class AnchorFilter
{
    /// <summary>The first position at or after <paramref name="from"/> (and before the last character) that passes;
    /// -1 when none does. <typeparamref name="T"/> is <see cref="byte"/> (ASCII) or <see cref="char"/>.</summary>
    public int Next<T>(ReadOnlySpan<T> text, int from, bool vectorize)
        where T : unmanaged
    {
        var cursor = default(Cursor);
        var any = default(AnyAnchor);
        return Next(text, from, vectorize, ref cursor, ref any);
    }

    /// <summary>The first position at or after <paramref name="from"/> that passes and that <paramref name="test"/>
    /// accepts, resuming the vector pass where <paramref name="cursor"/> left it: <paramref name="from"/> must be the
    /// position after the one the previous call with this cursor returned.</summary>
    public int Next<T, TTest>(ReadOnlySpan<T> text, int from, bool vectorize, ref Cursor cursor, ref TTest test)
        where T : unmanaged
        where TTest : struct, IAnchorTest
    {
        var i = from;
        ref var start = ref MemoryMarshal.GetReference(text);
        if (vectorize && Avx2.IsSupported)
        {
            var found = NextAvx2(ref start, text.Length, ref i, ref cursor, ref test);
            if (found >= 0)
            {
                return found;
            }
        }

        for (var last = text.Length - 1; i < last; i++)
        {
            if (Passes(ref start, i, text.Length, ref test))
            {
                return i;
            }
        }

        return -1;
    }

    // The scalar test, then the caller's.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Passes<T, TTest>(ref T start, int position, int length, ref TTest test)
        where T : unmanaged
        where TTest : struct, IAnchorTest
    {
        var window = Window(ref start, position, length);
        var quad = PassesQuad(window);
        return (quad || PassesPair(window)) && test.Accepts(window, quad);
    }

    // 32 characters from i as bytes: chars are narrowed (ASCII ones lose nothing).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> Load<T>(ref T start, int i)
        where T : unmanaged
    {
        if (typeof(T) == typeof(byte))
        {
            return Vector256.LoadUnsafe(ref Unsafe.As<T, byte>(ref start), (nuint)i);
        }

        ref var chars = ref Unsafe.As<T, ushort>(ref start);
        return Vector256.Narrow(Vector256.LoadUnsafe(ref chars, (nuint)i), Vector256.LoadUnsafe(ref chars, (nuint)(i + 16)));
    }

    // Blocks of 32 positions; a block reads 35 characters; then the tail. Leaves i at the first position not yet tested.
    private unsafe int NextAvx2<T, TTest>(ref T start, int length, ref int i, ref Cursor cursor, ref TTest test)
        where T : unmanaged
        where TTest : struct, IAnchorTest
    {
        // A hit in the middle of a block: its other candidates are still pending, the block need not be read again.
        if (cursor.Pending != 0)
        {
            var next = FirstPassing(ref start, length, ref cursor, ref test);
            if (next >= 0)
            {
                return next;
            }

            i = cursor.Block + BlockPositions;
        }

        fixed (uint* middles = _middles)
        {
            // A local position and no cursor for a block without candidates (nearly all of them): the loop writes no memory.
            var at = i;
            for (var lastBlock = length - BlockReads; at <= lastBlock; at += BlockPositions)
            {
                var candidates = Candidates(middles, _lanes, ref start, at);
                if (candidates == 0)
                {
                    continue;
                }

                cursor = new Cursor(at, candidates);
                var found = FirstPassing(ref start, length, ref cursor, ref test);
                if (found >= 0)
                {
                    return found;
                }
            }

            i = at;
            if (i < length - 1 && length >= BlockReads)
            {
                return NextInLastBlock(ref start, length, ref i, ref cursor, middles, _lanes, ref test);
            }

            if (i < length - 1)
            {
                return NextInTail(ref start, length, ref i, ref cursor, middles, _lanes, ref test);
            }
        }

        return -1;
    }

    // The last positions of a text of a block or more: the block that ends at its last character, overlapping positions
    // already tested (masked off), then the last two positions, whose windows run past the end, in the caller's scalar
    // loop. No copy: at 1 KiB the padded copy below cost as much as three blocks.
    private unsafe int NextInLastBlock<T, TTest>(ref T start, int length, ref int i, ref Cursor cursor, uint* middles, in Lanes lanes, ref TTest test)
        where T : unmanaged
        where TTest : struct, IAnchorTest
    {
        var block = length - BlockReads;
        var tested = i - block; // at least 1: the loop stopped past this block's start
        var untested = tested >= BlockPositions ? 0 : uint.MaxValue << tested;
        cursor = new Cursor(block, Candidates(middles, lanes, ref start, block) & untested);
        var found = FirstPassing(ref start, length, ref cursor, ref test);
        if (found >= 0)
        {
            return found;
        }

        i = Math.Max(i, block + BlockPositions);
        return -1;
    }

    // The last positions (at most 33): one or two blocks over a copy padded with spaces, which is what Window reads past
    // the end. Its own method: a stackalloc would keep the block loop from tiering up with profile data.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private unsafe int NextInTail<T, TTest>(ref T start, int length, ref int i, ref Cursor cursor, uint* middles, in Lanes lanes, ref TTest test)
        where T : unmanaged
        where TTest : struct, IAnchorTest
    {
        Span<byte> tail = stackalloc byte[BlockPositions + BlockReads];
        tail.Fill((byte)' ');
        for (var k = 0; k < length - i; k++)
        {
            tail[k] = (byte)Byte(ref start, i + k);
        }

        ref var padded = ref MemoryMarshal.GetReference(tail);
        for (var block = 0; i + block < length - 1; block += BlockPositions)
        {
            cursor = new Cursor(i + block, Candidates(middles, lanes, ref padded, block));
            var found = FirstPassing(ref start, length, ref cursor, ref test);
            if (found >= 0)
            {
                return found;
            }
        }

        i = length - 1;
        return -1;
    }

    // The first pending candidate of the cursor's block that passes the scalar test and the caller's (taken off the
    // pending ones with those before it); -1 when none does.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int FirstPassing<T, TTest>(ref T start, int length, ref Cursor cursor, ref TTest test)
        where T : unmanaged
        where TTest : struct, IAnchorTest
    {
        while (cursor.Pending != 0)
        {
            var position = cursor.Block + BitOperations.TrailingZeroCount(cursor.Pending);
            cursor.Pending &= cursor.Pending - 1;
            if (position >= length - 1)
            {
                cursor.Pending = 0; // past the last position of the padded tail, where no marker fits
                return -1;
            }

            if (Passes(ref start, position, length, ref test))
            {
                return position;
            }
        }

        return -1;
    }

    // One bit per position of the 32 from i that may start an anchor (a superset of the scalar test's).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe uint Candidates<T>(uint* middles, in Lanes lanes, ref T start, int i)
        where T : unmanaged
    {
        var b0 = Load(ref start, i);
        var b1 = Load(ref start, i + 1);
        var b2 = Load(ref start, i + 2);
        var b3 = Load(ref start, i + 3);

        // Lane l of b1 holds the four characters at k = i + 4l + 1, of b3 those at k = i + 4l + 3; the byte before each
        // k is the low byte of lane l of b0 and b2. A quad at k lands on byte 1 (3), one at k - 1 on byte 0 (2).
        var (starts1, before1) = MiddleHits(middles, b1, b0);
        var (starts3, before3) = MiddleHits(middles, b3, b2);
        var quadHits = before1 | (starts1 << 8) | (before3 << 16) | (starts3 << 24);
        var nibble = Vector256.Create((byte)0x0F);
        var pairHits = Teddy(b0, lanes.Low0, lanes.High0, nibble) & Teddy(b1, lanes.Low1, lanes.High1, nibble);
        var tripleHits = Teddy(b0, lanes.TripleLow0, lanes.TripleHigh0, nibble)
            & Teddy(b1, lanes.TripleLow1, lanes.TripleHigh1, nibble)
            & Teddy(b2, lanes.TripleLow2, lanes.TripleHigh2, nibble);
        return ~Vector256.Equals(quadHits.AsByte() | pairHits | tripleHits, Vector256<byte>.Zero).ExtractMostSignificantBits();
    }

    /// <summary>Where the vector pass stands: the first position of the last block it read, and that block's
    /// candidates not yet tested (one bit per position).</summary>
    public struct Cursor(int block, uint pending)
    {
        public int Block { get; } = block;

        public uint Pending { get; set; } = pending;
    }

    // The plain filter: every position that passes.
    private struct AnyAnchor : IAnchorTest
    {
        public readonly bool Accepts(uint window, bool quad) => true;
    }

    // The Teddy nibble masks, each 16-byte table in both 128-bit lanes: a field, built once (copying ten vectors on every
    // call cost more than a short message's whole scan).
    private readonly struct Lanes(Vector256<byte>[] lanes)
    {
        public Vector256<byte> Low0 { get; } = lanes[0];

        public Vector256<byte> Low1 { get; } = lanes[1];

        public Vector256<byte> High0 { get; } = lanes[2];

        public Vector256<byte> High1 { get; } = lanes[3];

        public Vector256<byte> TripleLow0 { get; } = lanes[4];

        public Vector256<byte> TripleLow1 { get; } = lanes[5];

        public Vector256<byte> TripleLow2 { get; } = lanes[6];

        public Vector256<byte> TripleHigh0 { get; } = lanes[7];

        public Vector256<byte> TripleHigh1 { get; } = lanes[8];

        public Vector256<byte> TripleHigh2 { get; } = lanes[9];
    }

    // Per lane: whether a quad starts at its four characters, and whether one starts at the character before them.
    // Inlined by force: left to itself the JIT calls it, passing and returning the vectors through memory.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe (Vector256<uint> Starts, Vector256<uint> Before) MiddleHits(uint* middles, Vector256<byte> bytes, Vector256<byte> previous)
    {
        var folded = bytes.AsUInt32() | Vector256.Create(FoldMask);
        var word = ((folded & Vector256.Create(0xFFFFFFu)) * Vector256.Create(Multiplier)) >>> (32 - WordBits);
        var words = Avx2.GatherVector256(middles, word.AsInt32(), 4);
        var nibble = Vector256.Create(0x0Fu);
        var starts = Avx2.ShiftRightLogicalVariable(words, (folded >>> 24) & nibble);
        var before = Avx2.ShiftRightLogicalVariable(words, (previous.AsUInt32() & nibble) + Vector256.Create((uint)HalfBits));
        var one = Vector256.Create(1u);
        return (starts & one, before & one);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> Teddy(Vector256<byte> bytes, Vector256<byte> low, Vector256<byte> high, Vector256<byte> nibble) =>
        Avx2.Shuffle(low, bytes & nibble) & Avx2.Shuffle(high, (bytes.AsUInt16() >>> 4).AsByte() & nibble);
}
