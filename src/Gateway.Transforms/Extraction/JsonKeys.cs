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
    public static string? ReadString(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        reader.Skip();
        return null;
    }

    /// <summary>The current value as a field name: a string, or the last string of an array (<c>loc</c>, <c>path</c>).</summary>
    public static string? ReadFieldName(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return ReadString(ref reader);
        }

        string? last = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                last = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }

        return last;
    }
}
