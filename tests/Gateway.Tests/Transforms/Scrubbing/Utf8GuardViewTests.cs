using System.Text;
using Gateway.Transforms.Scrubbing;

namespace Gateway.Tests.Transforms.Scrubbing;

/// <summary>The guards' view decoded from UTF-8 is the view of the UTF-16 text, at every marker position.</summary>
public class Utf8GuardViewTests
{
    // One to four bytes, two-unit characters among them, so the view's cuts fall inside sequences and surrogate pairs.
    private static readonly string[] s_pieces = ["a", "b", " ", ":", "é", "\u00A0", "—", "日", "😀", "\U00010348"];

    [Fact]
    public void BufferLength_OfTheScanGuards_FitsTheScratch() =>
        Assert.True(Utf8GuardView.BufferLength(LeakSearch.GuardBefore, LeakSearch.GuardAfter, LeakRules.Index.MaxLength) <= LeakSearch.GuardChunk);

    [Theory]
    [InlineData(3, 5)]
    [InlineData(1, 1)]
    [InlineData(LeakSearch.GuardBefore, LeakSearch.GuardAfter)]
    public void Decode_EveryAsciiPositionOfRandomText_IsTheUtf16View(int before, int after)
    {
        var random = new Random(before * 1000 + after);
        var buffer = new char[Utf8GuardView.BufferLength(before, after, 8)];
        for (var round = 0; round < 300; round++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 120)).Select(_ => s_pieces[random.Next(s_pieces.Length)]));
            if (round % 3 == 0)
            {
                text = string.Concat(Enumerable.Repeat(text, 1 + (700 / text.Length)));
            }

            var utf8 = Encoding.UTF8.GetBytes(text);
            var byteOffsets = ByteOffsets(text);
            for (var start = 0; start < text.Length; start++)
            {
                var length = 1 + random.Next(Math.Min(8, AsciiRun(text, start)));
                if (!char.IsAscii(text[start]))
                {
                    continue;
                }

                var from = Math.Max(0, start - before);
                var to = Math.Min(text.Length, start + length + after);
                Assert.True(Utf8GuardView.TryDecode(utf8, byteOffsets[start], length, before, after, buffer, out var view, out var markerStart, out var endsText));
                Assert.Equal(text[from..to], view.ToString());
                Assert.Equal(start - from, markerStart);
                Assert.Equal(to == text.Length, endsText);
            }
        }
    }

    // The byte offset of each UTF-16 position that starts a character.
    private static int[] ByteOffsets(string text)
    {
        var offsets = new int[text.Length + 1];
        var bytes = 0;
        for (var i = 0; i < text.Length; i++)
        {
            offsets[i] = bytes;
            if (char.IsHighSurrogate(text[i]))
            {
                bytes += 4;
                offsets[++i] = -1;
                continue;
            }

            bytes += Encoding.UTF8.GetByteCount(text.AsSpan(i, 1));
        }

        return offsets;
    }

    private static int AsciiRun(string text, int start)
    {
        var end = start;
        while (end < text.Length && char.IsAscii(text[end]))
        {
            end++;
        }

        return Math.Max(1, end - start);
    }
}
