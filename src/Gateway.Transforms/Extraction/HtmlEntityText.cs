using System.Buffers;
using System.Net;

namespace Gateway.Transforms.Extraction;

/// <summary>
/// <see cref="WebUtility.HtmlDecode(string)"/> into a caller's buffer: the same characters, without copying the page
/// into a string and decoding it into another one. Each entity (an ampersand up to the next semicolon, with no
/// ampersand between) is decoded on its own by <see cref="WebUtility"/>, which decides entities the same way; the
/// entities error pages are made of (<c>&amp;lt;</c>, <c>&amp;quot;</c>, <c>&amp;#39;</c>…) are decoded here, without a
/// string per entity.
/// </summary>
internal static class HtmlEntityText
{
    /// <summary>Decodes <paramref name="markup"/> into <paramref name="destination"/>, which must be as long.</summary>
    /// <returns>The number of characters written (never more than the input's).</returns>
    public static int Decode(ReadOnlySpan<char> markup, Span<char> destination) =>
        EntitySpans.Decode<char, CharWriter>(markup, destination);

    /// <summary>
    /// What WebUtility gives for the named entities of escaped markup (names are case-sensitive there too) and for
    /// plain decimal references below the surrogates; anything else is left to WebUtility.
    /// </summary>
    internal static bool TryDecodeCommon(ReadOnlySpan<char> name, out char character)
    {
        character = name switch
        {
            "lt" => '<',
            "gt" => '>',
            "amp" => '&',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => '\u00A0',
            _ => DecimalReference(name),
        };
        return character != '\uFFFF';
    }

    // "#" and one to four digits: at most 9999, below the surrogates, so WebUtility maps it to that one character.
    private static char DecimalReference(ReadOnlySpan<char> name)
    {
        if (name.Length is < 2 or > 5 || name[0] != '#')
        {
            return '\uFFFF';
        }

        var value = 0;
        foreach (var digit in name[1..])
        {
            if (!char.IsAsciiDigit(digit))
            {
                return '\uFFFF';
            }

            value = (value * 10) + (digit - '0');
        }

        return (char)value;
    }

    private readonly struct CharWriter : IEntityWriter<char>
    {
        public static int Write(ReadOnlySpan<char> entity, Span<char> destination)
        {
            // Numeric entities may carry leading zeros or spaces ("&#0065;"): length says nothing, WebUtility decides.
            if (TryDecodeCommon(entity[1..^1], out var character))
            {
                destination[0] = character;
                return 1;
            }

            var decoded = WebUtility.HtmlDecode(entity.ToString());
            decoded.CopyTo(destination);
            return decoded.Length;
        }
    }
}
