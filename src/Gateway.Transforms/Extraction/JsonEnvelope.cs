namespace Gateway.Transforms.Extraction;

/// <summary>
/// Finds a JSON document wrapped in something that makes the body no JSON: a JSONP callback
/// (<c>callback({"error":…});</c>, jQuery's <c>/**/ typeof cb === 'function' &amp;&amp; cb(…);</c>) or an anti-hijacking
/// prefix (Angular's <c>)]}'</c>, <c>while(1);</c>, <c>for(;;);</c>). Legacy services answer errors so when the
/// endpoint was built for browsers.
/// </summary>
/// <remarks>Only the wrapper is recognized here; whether the inside is JSON is for the reader to say.</remarks>
internal static class JsonEnvelope
{
    private static ReadOnlySpan<byte> AngularPrefix => ")]}'"u8;

    private static readonly byte[][] s_loopPrefixes = ["while(1);"u8.ToArray(), "while (1);"u8.ToArray(), "for(;;);"u8.ToArray(), "for (;;);"u8.ToArray()];

    /// <summary>The wrapped document (from its first bracket), or empty when <paramref name="utf8"/> is no such wrapper.</summary>
    public static ReadOnlySpan<byte> Content(ReadOnlySpan<byte> utf8)
    {
        var body = utf8.Trim(" \t\r\n"u8);
        if (body.StartsWith(AngularPrefix))
        {
            var rest = body[AngularPrefix.Length..];
            rest = rest.StartsWith(","u8) ? rest[1..] : rest;
            return Document(rest);
        }

        foreach (var prefix in s_loopPrefixes)
        {
            if (body.StartsWith(prefix))
            {
                return Document(body[prefix.Length..]);
            }
        }

        return Callback(body);
    }

    // name( document ) with an optional trailing semicolon, after an optional empty comment and typeof guard.
    private static ReadOnlySpan<byte> Callback(ReadOnlySpan<byte> body)
    {
        var rest = body.StartsWith("/**/"u8) ? body[4..].TrimStart(" \t\r\n"u8) : body;
        if (rest.StartsWith("typeof "u8))
        {
            var guard = rest.IndexOf("&&"u8);
            if (guard < 0)
            {
                return default;
            }

            rest = rest[(guard + 2)..].TrimStart(" \t\r\n"u8);
        }

        var name = NameLength(rest);
        if (name == 0)
        {
            return default;
        }

        rest = rest[name..].TrimStart(" \t\r\n"u8);
        if (!rest.StartsWith("("u8))
        {
            return default;
        }

        rest = rest[1..].TrimEnd(" \t\r\n"u8);
        rest = rest.EndsWith(";"u8) ? rest[..^1].TrimEnd(" \t\r\n"u8) : rest;
        return rest.EndsWith(")"u8) ? Document(rest[..^1]) : default;
    }

    // A JavaScript name path: jQuery172_1234, angular.callbacks._0, window["cb"] is not supported.
    private static int NameLength(ReadOnlySpan<byte> text)
    {
        var length = 0;
        while (length < text.Length && (char.IsAsciiLetterOrDigit((char)text[length]) || text[length] is (byte)'_' or (byte)'$' or (byte)'.'))
        {
            length++;
        }

        return length > 0 && !char.IsAsciiDigit((char)text[0]) ? length : 0;
    }

    private static ReadOnlySpan<byte> Document(ReadOnlySpan<byte> text)
    {
        var document = text.Trim(" \t\r\n"u8);
        return !document.IsEmpty && document[0] is (byte)'{' or (byte)'[' ? document : default;
    }
}
