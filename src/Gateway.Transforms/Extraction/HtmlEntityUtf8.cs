using System.Buffers;
using System.Net;
using System.Text;
using System.Text.Unicode;

namespace Gateway.Transforms.Extraction;

/// <summary>
/// <see cref="HtmlEntityText.Decode"/> on UTF-8: the same text, written as UTF-8. A page is unescaped without being
/// decoded to UTF-16 first, and its leak scan reads the result as bytes. Entities are the same ampersand-to-semicolon
/// spans, each decoded as <see cref="HtmlEntityText"/> decodes it; the bytes between them are copied.
/// </summary>
internal static class HtmlEntityUtf8
{
    // Names of the entities decoded without WebUtility ("quot", "#9999") are this short.
    private const int ShortName = 8;

    /// <summary>Decodes <paramref name="markup"/> into <paramref name="destination"/>, which must be as long.</summary>
    /// <param name="markup">Valid UTF-8.</param>
    /// <param name="destination">The decoded text as UTF-8; never longer than <paramref name="markup"/>.</param>
    /// <returns>The number of bytes written, or -1 when an entity decoded to text that UTF-8 cannot hold as it is (a
    /// lone surrogate; WebUtility leaves surrogate references undecoded, so this is a safeguard): then decode the text.</returns>
    public static int Decode(ReadOnlySpan<byte> markup, Span<byte> destination) =>
        EntitySpans.Decode<byte, Utf8Writer>(markup, destination);

    // One "&name;" span, as HtmlEntityText decodes it: the common ones by name, any other by WebUtility.
    private static int DecodeEntity(ReadOnlySpan<byte> entity, Span<byte> destination)
    {
        var name = entity[1..^1];
        if (name.Length <= ShortName && Ascii.IsValid(name))
        {
            Span<char> chars = stackalloc char[ShortName];
            Ascii.ToUtf16(name, chars, out var length);
            if (HtmlEntityText.TryDecodeCommon(chars[..length], out var character))
            {
                return Encode(new ReadOnlySpan<char>(in character), destination);
            }
        }

        return Encode(WebUtility.HtmlDecode(Encoding.UTF8.GetString(entity)), destination);
    }

    private static int Encode(ReadOnlySpan<char> text, Span<byte> destination) =>
        Utf8.FromUtf16(text, destination, out _, out var written, replaceInvalidSequences: false) == OperationStatus.Done ? written : -1;

    private readonly struct Utf8Writer : IEntityWriter<byte>
    {
        public static int Write(ReadOnlySpan<byte> entity, Span<byte> destination) => DecodeEntity(entity, destination);
    }
}
