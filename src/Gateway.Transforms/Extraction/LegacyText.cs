using System.Buffers;
using System.Text;

namespace Gateway.Transforms.Extraction;

/// <summary>Tells bytes that are no UTF-8 but a legacy single-byte text (ISO-8859-1 / windows-1252) from binary or from
/// UTF-8 with a few damaged bytes.</summary>
internal static class LegacyText
{
    /// <summary>True when the bytes hold no well-formed multi-byte UTF-8 sequence, no NUL, and are mostly ASCII: text
    /// such as <c>L'élève</c> written in ISO-8859-1. UTF-8 with one bad byte keeps its UTF-8 reading.</summary>
    /// <param name="bytes">Bytes that are not valid UTF-8.</param>
    public static bool LooksLikeWindows1252(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Contains((byte)0))
        {
            return false;
        }

        var high = 0;
        var i = bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF);
        while (i >= 0)
        {
            if (Rune.DecodeFromUtf8(bytes[i..], out _, out var consumed) == OperationStatus.Done)
            {
                return false;
            }

            high++;
            i += consumed;
            var next = bytes[i..].IndexOfAnyInRange((byte)0x80, (byte)0xFF);
            i = next < 0 ? -1 : i + next;
        }

        // Latin text is mostly ASCII letters; random bytes are half high ones.
        return high * 4 <= bytes.Length;
    }
}
