namespace Gateway.Transforms.Extraction;

/// <summary>Where to cut UTF-8 so that no character is split.</summary>
internal static class Utf8Boundary
{
    /// <summary>The largest cut at or below <paramref name="length"/> that does not fall inside a character.</summary>
    public static int Cut(ReadOnlySpan<byte> utf8, int length)
    {
        var cut = Math.Min(length, utf8.Length);
        while (cut > 0 && cut < utf8.Length && (utf8[cut] & 0xC0) == 0x80)
        {
            cut--;
        }

        return cut;
    }
}
