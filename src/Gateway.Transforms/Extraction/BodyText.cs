using System.Buffers;
using System.Text;

namespace Gateway.Transforms.Extraction;

/// <summary>
/// An error body as valid UTF-8 and, decoded only as far as a reader asks, as UTF-16 text. Most readers need the start
/// of the body or none of its text (the leak scan reads ASCII bytes), so a large body is seldom decoded in full.
/// </summary>
/// <remarks>Decoding <see cref="Utf8"/> always gives the text: it is the body itself when that was valid UTF-8, else the
/// re-encoded text, which holds no lone surrogate (decoders replace bad input with U+FFFD). Dispose returns the buffer.</remarks>
internal ref struct BodyText
{
    // The text of a body that was not valid UTF-8 (another charset, or invalid bytes); null when decoded on demand.
    private readonly string? _string;
    private char[]? _buffer;
    private int _decodedBytes;
    private int _decodedChars;

    public BodyText(ReadOnlySpan<byte> utf8, bool isAscii, string? text)
    {
        Utf8 = utf8;
        IsAscii = isAscii;
        _string = text;
    }

    /// <summary>A body decoded whole at once if it is valid UTF-8: one pass validates and decodes (checking first, then
    /// decoding, reads it twice). False, with nothing kept, when it is not valid UTF-8.</summary>
    public static bool TryDecodeWhole(ReadOnlySpan<byte> utf8, out BodyText text)
    {
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, utf8.Length));
        if (System.Text.Unicode.Utf8.ToUtf16(utf8, buffer, out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            ArrayPool<char>.Shared.Return(buffer);
            text = default;
            return false;
        }

        text = new BodyText(utf8, isAscii: false, text: null) { _buffer = buffer, _decodedBytes = utf8.Length, _decodedChars = written };
        return true;
    }

    /// <summary>The body as valid UTF-8 without a BOM.</summary>
    public ReadOnlySpan<byte> Utf8 { get; }

    /// <summary>Whether <see cref="Utf8"/> is all ASCII: then byte positions are text positions.</summary>
    public bool IsAscii { get; }

    /// <summary>The whole text.</summary>
    public ReadOnlySpan<char> All() => Prefix(Utf8.Length, out _);

    /// <summary>The text from its first character that is not white space, whole or at least
    /// <paramref name="chars"/> long.</summary>
    public ReadOnlySpan<char> TrimmedStart(int chars)
    {
        // Every UTF-16 code unit takes at most three bytes.
        var start = Prefix(3 * chars, out var whole).TrimStart();
        return whole || start.Length >= chars ? start : All().TrimStart();
    }

    /// <summary>The text of the first <paramref name="bytes"/> bytes of <see cref="Utf8"/> (cut back to the start of a
    /// character), or the whole text, which <paramref name="whole"/> then tells.</summary>
    public ReadOnlySpan<char> Prefix(int bytes, out bool whole)
    {
        if (_string is not null)
        {
            whole = true;
            return _string;
        }

        var cut = Utf8Boundary.Cut(Utf8, bytes);

        whole = cut == Utf8.Length;
        if (cut > _decodedBytes)
        {
            // UTF-8 never yields more UTF-16 code units than it has bytes; a decoded prefix is never decoded twice.
            _buffer ??= ArrayPool<char>.Shared.Rent(Utf8.Length);
            _decodedChars += Encoding.UTF8.GetChars(Utf8[_decodedBytes..cut], _buffer.AsSpan(_decodedChars));
            _decodedBytes = cut;
            return _buffer.AsSpan(0, _decodedChars);
        }

        // A shorter prefix than the one decoded is the start of it: ASCII positions are text positions; other text's
        // characters are counted (the cut is on a character's start).
        return cut == _decodedBytes ? _buffer.AsSpan(0, _decodedChars)
            : _buffer.AsSpan(0, IsAscii ? cut : Encoding.UTF8.GetCharCount(Utf8[..cut]));
    }

    public void Dispose()
    {
        if (_buffer is not null)
        {
            ArrayPool<char>.Shared.Return(_buffer);
            _buffer = null;
        }
    }
}
