using System.Text;
using System.Text.Json;

namespace Gateway.Transforms.Extraction;

/// <summary>Recognises member names case-insensitively without allocating.</summary>
internal static class JsonKeys
{
    private const int MaxKeyLength = 64;

    /// <summary>Whether the current property name equals one of <paramref name="names"/>, ignoring case.</summary>
    public static int IndexOf(ref Utf8JsonReader reader, ReadOnlySpan<string> names)
    {
        if (reader.HasValueSequence || reader.ValueSpan.Length > MaxKeyLength)
        {
            return -1;
        }

        // An unescaped ASCII name (nearly every one) is compared as its bytes; other names as their text, where a
        // non-ASCII character may still fold to an ASCII one.
        var utf8 = reader.ValueSpan;
        if (!reader.ValueIsEscaped && Ascii.IsValid(utf8))
        {
            for (var i = 0; i < names.Length; i++)
            {
                if (names[i].Length == utf8.Length && Ascii.EqualsIgnoreCase(utf8, names[i]))
                {
                    return i;
                }
            }

            return -1;
        }

        Span<char> buffer = stackalloc char[MaxKeyLength];
        var length = reader.CopyString(buffer);
        var key = buffer[..length];
        for (var i = 0; i < names.Length; i++)
        {
            if (key.Equals(names[i], StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The current string value, or <see langword="null"/> (after skipping) for any other token.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="discard">Whether the caller drops the value: then an unescaped string is not materialized.</param>
    public static string? ReadString(ref Utf8JsonReader reader, bool discard = false)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return Text(ref reader, discard);
        }

        reader.Skip();
        return null;
    }

    /// <summary>The current string or property name; when the caller drops it, <see cref="string.Empty"/> unless it
    /// needs unescaping (never <see langword="null"/>, so <c>??=</c> chains read the same members as before).</summary>
    /// <remarks>An escaped one is still read: <see cref="Utf8JsonReader.GetString"/> throws on a lone surrogate escape,
    /// and whether the body counts as JSON must not depend on how many entries were kept. Unescaped text of valid
    /// UTF-8 (what the reader is given) never throws.</remarks>
    public static string Text(ref Utf8JsonReader reader, bool discard) =>
        discard && !reader.ValueIsEscaped ? string.Empty : reader.GetString()!;

    /// <summary>The current value as a field name: a string, or the last string of an array (<c>loc</c>, <c>path</c>).</summary>
    public static string? ReadFieldName(ref Utf8JsonReader reader, bool discard = false)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return ReadString(ref reader, discard);
        }

        string? last = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                last = Text(ref reader, discard);
            }
            else
            {
                reader.Skip();
            }
        }

        return last;
    }
}
