using System.Text.Encodings.Web;

namespace Gateway.Transforms.Errors;

/// <summary>
/// JSON escaping for payload text: accents, CJK and apostrophes stay readable (<c>"L'élève"</c>, not
/// <c>"L\u0027\u00E9l\u00E8ve"</c>), while <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> are still escaped, so upstream markup
/// in a message can never be read as HTML even by a client that sniffs.
/// </summary>
internal sealed class PayloadJsonEncoder : JavaScriptEncoder
{
    public static PayloadJsonEncoder Instance { get; } = new();

    private static readonly JavaScriptEncoder s_relaxed = UnsafeRelaxedJsonEscaping;

    private PayloadJsonEncoder()
    {
    }

    public override int MaxOutputCharactersPerInputCharacter => s_relaxed.MaxOutputCharactersPerInputCharacter;

    public override bool WillEncode(int unicodeScalar) => IsMarkup(unicodeScalar) || s_relaxed.WillEncode(unicodeScalar);

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        if (!IsMarkup(unicodeScalar))
        {
            return s_relaxed.TryEncodeUnicodeScalar(unicodeScalar, buffer, bufferLength, out numberOfCharactersWritten);
        }

        const int EscapeLength = 6; // \u003C
        numberOfCharactersWritten = 0;
        if (bufferLength < EscapeLength)
        {
            return false;
        }

        var escape = new Span<char>(buffer, EscapeLength);
        "\\u00".CopyTo(escape);
        escape[4] = (char)('0' + (unicodeScalar >> 4));
        escape[5] = "0123456789ABCDEF"[unicodeScalar & 0xF];
        numberOfCharactersWritten = EscapeLength;
        return true;
    }

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength) =>
        First(s_relaxed.FindFirstCharacterToEncode(text, textLength), new ReadOnlySpan<char>(text, textLength).IndexOfAny('<', '>', '&'));

    public override int FindFirstCharacterToEncodeUtf8(ReadOnlySpan<byte> utf8Text) =>
        First(s_relaxed.FindFirstCharacterToEncodeUtf8(utf8Text), utf8Text.IndexOfAny("<>&"u8));

    private static bool IsMarkup(int scalar) => scalar is '<' or '>' or '&';

    private static int First(int a, int b) => a < 0 ? b : b < 0 ? a : Math.Min(a, b);
}
