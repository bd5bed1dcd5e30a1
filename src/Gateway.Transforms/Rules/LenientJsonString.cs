using System.Text;

namespace Gateway.Transforms.Rules;

/// <summary>
/// Decodes a JSON string token's bytes without throwing: invalid UTF-8 and lone surrogate escapes (<c>\ud800</c>)
/// become U+FFFD. Legacy backends send Latin-1 text as "JSON", and <c>GetString</c> throws on it.
/// </summary>
public static class LenientJsonString
{
    /// <summary>The text of a string token; <paramref name="value"/> is the content between the quotes, still escaped.</summary>
    public static string Decode(ReadOnlySpan<byte> value)
    {
        var backslash = value.IndexOf((byte)'\\');
        if (backslash < 0)
        {
            return Encoding.UTF8.GetString(value);
        }

        var text = new StringBuilder(value.Length);
        while (backslash >= 0)
        {
            text.Append(Encoding.UTF8.GetString(value[..backslash]));
            value = value[(backslash + 1)..];
            value = AppendEscape(text, value);
            backslash = value.IndexOf((byte)'\\');
        }

        text.Append(Encoding.UTF8.GetString(value));
        return ReplaceLoneSurrogates(text);
    }

    // Appends one escape (the part after the backslash) and returns what follows it.
    private static ReadOnlySpan<byte> AppendEscape(StringBuilder text, ReadOnlySpan<byte> rest)
    {
        if (rest.IsEmpty)
        {
            text.Append('\uFFFD');
            return rest;
        }

        switch (rest[0])
        {
            case (byte)'b': text.Append('\b'); break;
            case (byte)'f': text.Append('\f'); break;
            case (byte)'n': text.Append('\n'); break;
            case (byte)'r': text.Append('\r'); break;
            case (byte)'t': text.Append('\t'); break;
            case (byte)'u' when rest.Length >= 5 && TryHex(rest.Slice(1, 4), out var unit):
                text.Append(unit);
                return rest[5..];
            case (byte)'u': text.Append('\uFFFD'); break;
            default: text.Append((char)rest[0]); break;
        }

        return rest[1..];
    }

    private static bool TryHex(ReadOnlySpan<byte> digits, out char unit)
    {
        var value = 0;
        foreach (var d in digits)
        {
            var nibble = d switch
            {
                >= (byte)'0' and <= (byte)'9' => d - '0',
                >= (byte)'a' and <= (byte)'f' => d - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => d - 'A' + 10,
                _ => -1,
            };
            if (nibble < 0)
            {
                unit = default;
                return false;
            }

            value = (value << 4) | nibble;
        }

        unit = (char)value;
        return true;
    }

    private static string ReplaceLoneSurrogates(StringBuilder text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                text[i] = '\uFFFD';
            }
        }

        return text.ToString();
    }
}
