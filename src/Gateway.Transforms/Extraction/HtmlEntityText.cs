using System.Buffers;
using System.Net;

namespace Gateway.Transforms.Extraction;

/// <summary>
/// <see cref="WebUtility.HtmlDecode(string)"/> into a caller's buffer: the same characters, without copying the page
/// into a string and decoding it into another one. Each entity (an ampersand up to the next semicolon, with no
/// ampersand between) is decoded on its own by <see cref="WebUtility"/>, which decides entities the same way.
/// </summary>
internal static class HtmlEntityText
{
    /// <summary>Decodes <paramref name="markup"/> into <paramref name="destination"/>, which must be as long.</summary>
    /// <returns>The number of characters written (never more than the input's).</returns>
    public static int Decode(ReadOnlySpan<char> markup, Span<char> destination)
    {
        var written = 0;
        while (true)
        {
            var amp = markup.IndexOf('&');
            if (amp < 0)
            {
                markup.CopyTo(destination[written..]);
                return written + markup.Length;
            }

            markup[..amp].CopyTo(destination[written..]);
            written += amp;
            var rest = markup[(amp + 1)..];
            var end = rest.IndexOfAny(';', '&');
            if (end < 0 || rest[end] != ';')
            {
                // Not an entity: the ampersand stays, and a following one may start an entity.
                destination[written++] = '&';
                markup = rest;
                continue;
            }

            // Numeric entities may carry leading zeros or spaces ("&#0065;"): length says nothing, WebUtility decides.
            var entity = markup.Slice(amp, end + 2);
            var decoded = WebUtility.HtmlDecode(entity.ToString());
            decoded.CopyTo(destination[written..]);
            written += decoded.Length;
            markup = markup[(amp + end + 2)..];
        }
    }
}
