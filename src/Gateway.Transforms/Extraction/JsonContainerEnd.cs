using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Gateway.Transforms.Extraction;

/// <summary>
/// Finds where the JSON container a reader stands in ends, checking the text on the way. It is the fast path for the
/// entries of a validation list past the kept ones, which are only validated: <see cref="System.Text.Json.Utf8JsonReader"/>
/// spends about 30 cycles a token on them, this about a third of that.
/// </summary>
/// <remarks>
/// It vouches only for a subset of what the reader accepts: strings without escapes or control characters, plain
/// numbers and literals, no comments, no trailing commas, shallow nesting. Anything else answers -1 ("not sure") and
/// the reader reads the container itself, so the result never depends on this class, only the time does. The text must
/// be valid UTF-8 (the reader does not check the bytes inside strings either).
/// </remarks>
internal static class JsonContainerEnd
{
    // The nesting kept in a 64-bit stack, well below the reader's MaxDepth of 64 with what is already open.
    private const int MaxNesting = 32;

    /// <summary>The index of the bracket that closes the container, or -1 when this class does not vouch for the text.</summary>
    /// <param name="json">The text after the reader's last token.</param>
    /// <param name="inObject">Whether the container is an object (else an array).</param>
    /// <param name="afterValue">Whether the last token ended a value in it (else it opened the container).</param>
    /// <param name="nesting">How many more containers may open inside it before the reader's depth limit.</param>
    /// <remarks>One label per state of the grammar: each knows the few bytes it may see next, so a token costs a
    /// comparison or two, where one loop over a state variable dispatched every token through all the cases.</remarks>
    public static int Find(ReadOnlySpan<byte> json, bool inObject, bool afterValue, int nesting)
    {
        nesting = Math.Clamp(nesting, 0, MaxNesting);
        var objects = 0UL; // bit d: the container around depth d + 1 is an object
        var depth = 0;
        var i = 0;
        int c;
        if (afterValue)
        {
            goto AfterValue;
        }

        if (inObject)
        {
            goto NameOrClose;
        }

    ValueOrClose:
        c = Next(json, ref i);
        if (c == ']')
        {
            goto Close;
        }

        goto ValueAt;

    Value:
        c = Next(json, ref i);

    ValueAt:
        if (c == '"')
        {
            i = StringEnd(json, i + 1);
            if (i < 0)
            {
                return -1;
            }

            goto AfterValue;
        }

        if (c is '{' or '[')
        {
            if (depth >= nesting)
            {
                return -1;
            }

            objects = (objects << 1) | (inObject ? 1UL : 0UL);
            depth++;
            inObject = c == '{';
            i++;
            if (inObject)
            {
                goto NameOrClose;
            }

            goto ValueOrClose;
        }

        if (c < 0)
        {
            return -1;
        }

        i = ScalarEnd(json, i);
        if (i < 0)
        {
            return -1;
        }

        goto AfterValue;

    NameOrClose:
        c = Next(json, ref i);
        if (c == '}')
        {
            goto Close;
        }

        goto NameAt;

    Name:
        c = Next(json, ref i);

    NameAt:
        if (c != '"')
        {
            return -1;
        }

        i = StringEnd(json, i + 1);
        if (i < 0 || Next(json, ref i) != ':')
        {
            return -1;
        }

        i++;
        goto Value;

    AfterValue:
        c = Next(json, ref i);
        if (c == ',')
        {
            i++;
            if (inObject)
            {
                goto Name;
            }

            goto Value;
        }

        if (c != (inObject ? '}' : ']'))
        {
            return -1;
        }

    Close:
        if (depth == 0)
        {
            return i;
        }

        inObject = (objects & 1) != 0;
        objects >>= 1;
        depth--;
        i++;
        goto AfterValue;
    }

    // The first byte from i on that is not white space (i moves to it), or -1 at the end of the text. Minified JSON has
    // none: one comparison.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Next(ReadOnlySpan<byte> json, ref int i)
    {
        if ((uint)i < (uint)json.Length && json[i] > ' ')
        {
            return json[i];
        }

        while ((uint)i < (uint)json.Length)
        {
            var c = json[i];
            if (c is not ((byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t'))
            {
                return c;
            }

            i++;
        }

        return -1;
    }

    // The index after the closing quote of a string whose content starts at start; -1 at an escape, a control
    // character or the end of the text.
    private static int StringEnd(ReadOnlySpan<byte> json, int start)
    {
        var i = start;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var origin = ref MemoryMarshal.GetReference(json);
            var quote = Vector256.Create((byte)'"');
            var backslash = Vector256.Create((byte)'\\');
            var space = Vector256.Create((byte)' ');
            for (; i + Vector256<byte>.Count <= json.Length; i += Vector256<byte>.Count)
            {
                var block = Vector256.LoadUnsafe(ref origin, (nuint)i);
                var stops = (Vector256.Equals(block, quote) | Vector256.Equals(block, backslash) | Vector256.LessThan(block, space))
                    .ExtractMostSignificantBits();
                if (stops != 0)
                {
                    var at = i + BitOperations.TrailingZeroCount(stops);
                    return json[at] == '"' ? at + 1 : -1;
                }
            }
        }

        for (; i < json.Length; i++)
        {
            var b = json[i];
            if (b == '"')
            {
                return i + 1;
            }

            if (b is (byte)'\\' or < (byte)' ')
            {
                return -1;
            }
        }

        return -1;
    }

    // The index after a number or literal starting at i; -1 when it is neither. What follows is checked by the caller
    // (only white space, a comma or the closing bracket may).
    private static int ScalarEnd(ReadOnlySpan<byte> json, int i)
    {
        switch (json[i])
        {
            case (byte)'t':
                return json[i..].StartsWith("true"u8) ? i + 4 : -1;
            case (byte)'f':
                return json[i..].StartsWith("false"u8) ? i + 5 : -1;
            case (byte)'n':
                return json[i..].StartsWith("null"u8) ? i + 4 : -1;
        }

        // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
        if (json[i] == '-')
        {
            i++;
        }

        if (i < json.Length && json[i] == '0')
        {
            i++;
        }
        else if (!StartsWithDigit(json, i))
        {
            return -1;
        }
        else
        {
            i = DigitsEnd(json, i);
        }

        if (i < json.Length && json[i] == '.')
        {
            if (!StartsWithDigit(json, ++i))
            {
                return -1;
            }

            i = DigitsEnd(json, i);
        }

        if (i < json.Length && (json[i] | 0x20) == 'e')
        {
            i++;
            if (i < json.Length && json[i] is (byte)'+' or (byte)'-')
            {
                i++;
            }

            if (!StartsWithDigit(json, i))
            {
                return -1;
            }

            i = DigitsEnd(json, i);
        }

        return i;
    }

    private static bool StartsWithDigit(ReadOnlySpan<byte> json, int i) => i < json.Length && char.IsAsciiDigit((char)json[i]);

    private static int DigitsEnd(ReadOnlySpan<byte> json, int i)
    {
        while (i < json.Length && char.IsAsciiDigit((char)json[i]))
        {
            i++;
        }

        return i;
    }
}
