using System.Globalization;

namespace Gateway.Transforms.Extraction;

/// <summary>JSON's escapes undone wherever they stand in a text, for scanning what a reader of the text would see.</summary>
internal static class JsonEscapes
{
    /// <summary>Decodes <c>\uXXXX</c>, <c>\"</c>, <c>\\</c>, <c>\/</c> and the control escapes in place.</summary>
    /// <returns>The decoded length; never more than the text's.</returns>
    public static int Unescape(Span<char> text)
    {
        var written = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                var next = text[i + 1];
                if (next == 'u' && i + 5 < text.Length
                    && ushort.TryParse(text.Slice(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                {
                    c = (char)code;
                    i += 5;
                }
                else if (next is '"' or '\\' or '/' or 'n' or 'r' or 't' or 'b' or 'f')
                {
                    c = next switch { 'n' => '\n', 'r' => '\r', 't' => '\t', 'b' or 'f' => ' ', _ => next };
                    i++;
                }
            }

            text[written++] = c;
        }

        return written;
    }
}
