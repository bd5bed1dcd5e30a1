using System.Buffers;
using System.Text.Unicode;

namespace Gateway.Transforms.Scrubbing;

/// <summary>
/// The guards' view of valid UTF-8 bytes: exactly the UTF-16 text a guard sees when the same body is scanned as chars
/// (<see cref="LeakSearch"/>: up to <c>before</c> code units before the marker, the marker, up to <c>after</c> code
/// units after it), decoded from the bytes around the marker only.
/// </summary>
/// <remarks>
/// The bytes need not be valid UTF-8 elsewhere: a decoder starts afresh at every byte that is not a continuation byte,
/// so bytes around the marker that decode without error give the units the whole body gives there; where they do not,
/// there is no view (the caller reads the body as UTF-16). A code unit takes at most three bytes (a four-byte sequence is two units), so <c>3 × before</c> bytes hold at least
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
    /// <param name="utf8">UTF-8.</param>
    /// <param name="start">Where the marker starts (a byte offset).</param>
    /// <param name="length">The marker's length (bytes, which are its chars).</param>
    /// <param name="before">Code units wanted before the marker.</param>
    /// <param name="after">Code units wanted after the marker.</param>
    /// <param name="buffer">At least <see cref="BufferLength"/> chars.</param>
    /// <param name="view">The view, a slice of <paramref name="buffer"/>.</param>
    /// <param name="markerStart">Where the marker starts in the view.</param>
    /// <param name="endsText">Whether the view ends where the body does.</param>
    /// <returns>False when the bytes of the view are not valid UTF-8.</returns>
    public static bool TryDecode(
        ReadOnlySpan<byte> utf8, int start, int length, int before, int after, Span<char> buffer, out ReadOnlySpan<char> view, out int markerStart, out bool endsText)
    {
        view = default;
        (markerStart, endsText) = (0, false);
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

        if (Utf8.ToUtf16(utf8[from..start], buffer, out _, out var unitsBefore, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            return false;
        }

        var viewFrom = Math.Max(0, unitsBefore - before);
        markerStart = unitsBefore - viewFrom;

        // Only the units the view holds are decoded: the bytes after the marker are mostly far more than it needs.
        var wanted = length + after;
        var status = Utf8.ToUtf16(utf8[start..to], buffer.Slice(unitsBefore, wanted), out var read, out var unitsAfter, replaceInvalidSequences: false);
        if (status == OperationStatus.DestinationTooSmall && unitsAfter < wanted)
        {
            // The next character is a surrogate pair and only its first half fits, as where the char view cuts it.
            Span<char> pair = stackalloc char[2];
            if (utf8.Length - (start + read) < 4 || Utf8.ToUtf16(utf8.Slice(start + read, 4), pair, out _, out _, replaceInvalidSequences: false) != OperationStatus.Done)
            {
                return false;
            }

            buffer[unitsBefore + unitsAfter++] = pair[0];
        }
        else if (status is not (OperationStatus.Done or OperationStatus.DestinationTooSmall))
        {
            return false;
        }

        // Decoding stops short of the end only when the view is full, so the body goes on after it.
        endsText = status == OperationStatus.Done && to == utf8.Length;
        view = buffer[viewFrom..(unitsBefore + unitsAfter)];
        return true;
    }

    private static bool IsContinuation(byte b) => (b & 0xC0) == 0x80;
}
