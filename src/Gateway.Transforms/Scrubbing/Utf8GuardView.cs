using System.Buffers;
using System.Text.Unicode;

namespace Gateway.Transforms.Scrubbing;

/// <summary>
/// The guards' view of valid UTF-8 bytes: exactly the UTF-16 text a guard sees when the same body is scanned as chars
/// (<see cref="LeakSearch"/>: up to <c>before</c> code units before the marker, the marker, up to <c>after</c> code
/// units after it), decoded from the bytes around the marker only.
/// </summary>
/// <remarks>
/// A code unit takes at most three bytes (a four-byte sequence is two units), so <c>3 × before</c> bytes hold at least
/// <c>before</c> units unless the body starts sooner; the decoded bytes start and end between sequences, so each unit
/// is the one the whole body decodes to. As in the char view, the view may start or end inside a surrogate pair.
/// </remarks>
internal static class Utf8GuardView
{
    private const int MaxBytesPerUnit = 3;

    /// <summary>How many chars <see cref="Decode"/> may write for a marker of <paramref name="maxLength"/> bytes.</summary>
    public static int BufferLength(int before, int after, int maxLength) =>
        (MaxBytesPerUnit * (before + 1)) + maxLength + after;

    /// <summary>Decodes the view around the ASCII marker at [start, start + length) of <paramref name="utf8"/>.</summary>
    /// <param name="utf8">Valid UTF-8.</param>
    /// <param name="start">Where the marker starts (a byte offset).</param>
    /// <param name="length">The marker's length (bytes, which are its chars).</param>
    /// <param name="before">Code units wanted before the marker.</param>
    /// <param name="after">Code units wanted after the marker.</param>
    /// <param name="buffer">At least <see cref="BufferLength"/> chars.</param>
    /// <param name="markerStart">Where the marker starts in the view.</param>
    /// <param name="endsText">Whether the view ends where the body does.</param>
    /// <returns>The view, a slice of <paramref name="buffer"/>.</returns>
    public static ReadOnlySpan<char> Decode(
        ReadOnlySpan<byte> utf8, int start, int length, int before, int after, Span<char> buffer, out int markerStart, out bool endsText)
    {
        var from = Math.Max(0, start - (MaxBytesPerUnit * before));
        while (from > 0 && IsContinuation(utf8[from]))
        {
            from--;
        }

        var to = Math.Min(utf8.Length, start + length + (MaxBytesPerUnit * after));
        while (to < utf8.Length && IsContinuation(utf8[to]))
        {
            to++;
        }

        Decoded(Utf8.ToUtf16(utf8[from..start], buffer, out _, out var unitsBefore));
        var viewFrom = Math.Max(0, unitsBefore - before);
        markerStart = unitsBefore - viewFrom;

        // Only the units the view holds are decoded: the bytes after the marker are mostly far more than it needs.
        var wanted = length + after;
        var status = Utf8.ToUtf16(utf8[start..to], buffer.Slice(unitsBefore, wanted), out var read, out var unitsAfter);
        if (status == OperationStatus.DestinationTooSmall && unitsAfter < wanted)
        {
            // The next character is a surrogate pair and only its first half fits, as where the char view cuts it.
            Span<char> pair = stackalloc char[2];
            Decoded(Utf8.ToUtf16(utf8.Slice(start + read, 4), pair, out _, out _));
            buffer[unitsBefore + unitsAfter++] = pair[0];
        }
        else if (status != OperationStatus.DestinationTooSmall)
        {
            Decoded(status);
        }

        // Decoding stops short of the end only when the view is full, so the body goes on after it.
        endsText = status == OperationStatus.Done && to == utf8.Length;
        return buffer[viewFrom..(unitsBefore + unitsAfter)];
    }

    private static bool IsContinuation(byte b) => (b & 0xC0) == 0x80;

    private static void Decoded(OperationStatus status)
    {
        if (status != OperationStatus.Done)
        {
            throw new InvalidOperationException("The guard view was decoded from bytes that are not valid UTF-8.");
        }
    }
}
