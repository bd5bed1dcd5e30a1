using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Gateway.Transforms.Scrubbing;

/// <summary>A marker of <see cref="MarkerIndex"/> (lower case), the offset of its anchor in it and its tags.</summary>
/// <remarks>
/// Its first eight bytes are kept as one word, so ASCII bytes are compared with it in one step: a position's owners are
/// mostly refuted by their first bytes, and a marker of up to eight characters needs nothing more. The comparison is
/// exact, as <see cref="Ascii.EqualsIgnoreCase(ReadOnlySpan{byte}, ReadOnlySpan{byte})"/>: only where the marker has a
/// letter is the text's byte folded (<c>| 0x20</c>), and a byte beyond ASCII folds to one beyond ASCII.
/// </remarks>
internal sealed class MarkerEntry
{
    private const int HeadLength = sizeof(ulong);

    private readonly ulong _head; // the first eight bytes, zero past the marker's end
    private readonly ulong _fold; // 0x20 where the head has a letter
    private readonly ulong _mask; // 0xFF where the head has a byte of the marker

    public MarkerEntry(byte[] marker, int offset, ulong tags)
    {
        (Marker, Offset, Tags) = (marker, offset, tags);
        for (var k = 0; k < Math.Min(HeadLength, marker.Length); k++)
        {
            _head |= (ulong)marker[k] << (8 * k);
            _fold |= (char.IsAsciiLetter((char)marker[k]) ? 0x20UL : 0) << (8 * k);
            _mask |= 0xFFUL << (8 * k);
        }
    }

    /// <summary>The marker, lower case.</summary>
    public byte[] Marker { get; }

    /// <summary>Where its anchor starts in it.</summary>
    public int Offset { get; }

    /// <summary>The tags it stands for.</summary>
    public ulong Tags { get; }

    /// <summary>Whether the ASCII (or UTF-8) bytes at <paramref name="start"/> begin with the marker, ignoring case.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool StartsAt(ReadOnlySpan<byte> text, int start)
    {
        if (start < 0 || start > text.Length - Marker.Length)
        {
            return false;
        }

        if (start > text.Length - HeadLength)
        {
            return Ascii.EqualsIgnoreCase(text.Slice(start, Marker.Length), Marker);
        }

        var bytes = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref MemoryMarshal.GetReference(text), start));
        return ((bytes | _fold) & _mask) == _head
            && (Marker.Length <= HeadLength
                || Ascii.EqualsIgnoreCase(text.Slice(start + HeadLength, Marker.Length - HeadLength), Marker.AsSpan(HeadLength)));
    }
}
