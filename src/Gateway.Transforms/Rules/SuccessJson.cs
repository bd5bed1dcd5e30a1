namespace Gateway.Transforms.Rules;

/// <summary>Limits and framing shared by the readers of JSON success bodies.</summary>
public static class SuccessJson
{
    /// <summary>
    /// Nesting the rules and the debug-field stripper read. The readers keep no recursion of their own, so this is a
    /// policy bound (real APIs nest a few dozen levels), not a stack guard; System.Text.Json's default 64 was too low.
    /// </summary>
    public const int MaxDepth = 1000;

    /// <summary>The body without a leading UTF-8 BOM, which JSON readers refuse (RFC 8259 §8.1 lets parsers ignore it).</summary>
    public static ReadOnlySpan<byte> WithoutBom(ReadOnlySpan<byte> utf8Json) =>
        utf8Json.StartsWith("\uFEFF"u8) ? utf8Json[3..] : utf8Json;

    /// <summary>Whether the text starts as a JSON value does (after white space): false rules it out at once.</summary>
    public static bool MayBeJson(ReadOnlySpan<byte> utf8)
    {
        var start = utf8.TrimStart(" \t\r\n"u8);
        return !start.IsEmpty && start[0] is (byte)'{' or (byte)'[' or (byte)'"' or (byte)'-' or (>= (byte)'0' and <= (byte)'9') or (byte)'t' or (byte)'f' or (byte)'n';
    }

    /// <summary>Whether brackets outside strings nest deeper than <see cref="MaxDepth"/> (why a reader gave up).</summary>
    public static bool NestsTooDeep(ReadOnlySpan<byte> utf8Json)
    {
        var depth = 0;
        var inString = false;
        for (var i = 0; i < utf8Json.Length; i++)
        {
            var b = utf8Json[i];
            if (inString)
            {
                if (b == '\\')
                {
                    i++;
                }
                else if (b == '"')
                {
                    inString = false;
                }
            }
            else if (b == '"')
            {
                inString = true;
            }
            else if (b is (byte)'[' or (byte)'{' && ++depth > MaxDepth)
            {
                return true;
            }
            else if (b is (byte)']' or (byte)'}')
            {
                depth--;
            }
        }

        return false;
    }
}
