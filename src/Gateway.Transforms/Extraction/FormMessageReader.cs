using System.Net;

namespace Gateway.Transforms.Extraction;

/// <summary>
/// Reads error bodies sent form-encoded (<c>error=invalid_grant&amp;error_description=…</c>): OAuth token endpoints of
/// the last decade, PayPal-style NVP APIs (<c>ACK=Failure&amp;L_LONGMESSAGE0=…</c>) and PHP backends answer so.
/// </summary>
internal static class FormMessageReader
{
    /// <summary>The longest form read; pass at least one character more, so a longer one is seen to be longer.</summary>
    public const int MaxLength = 8 * 1024;

    // In the order a reader would look for the message.
    private static readonly string[] s_keys =
    [
        "message", "error_description", "error_message", "errorMessage", "L_LONGMESSAGE0", "detail", "msg", "reason",
        "L_SHORTMESSAGE0", "error",
    ];

    /// <summary>Whether text not declared a form may be one: its start has a pair separator and no white space.</summary>
    public static bool MayBeForm(ReadOnlySpan<char> start)
    {
        var text = start.Trim();
        return text.Contains('&') && text.Contains('=') && !text.ContainsAny(" \t\r\n");
    }

    /// <summary>The message candidates in priority order (none for a form without a message key), or
    /// <see langword="null"/> when the text is no form.</summary>
    /// <param name="text">The body's text.</param>
    /// <param name="declared">Whether the content type says form-encoded; otherwise only a body that is nothing but
    /// <c>name=value</c> pairs, with no white space, counts.</param>
    public static string?[]? Candidates(ReadOnlySpan<char> text, bool declared)
    {
        var body = text.Trim();
        if (declared && body.Length > MaxLength)
        {
            return []; // a form this long is data, not an error: no candidate rather than its raw pairs as a line
        }

        if (body.IsEmpty || body.Length > MaxLength || (!declared && (body.ContainsAny(" \t\r\n") || !body.Contains('&'))))
        {
            return null;
        }

        string?[]? found = null;
        var pairs = 0;
        foreach (var range in body.Split('&'))
        {
            var pair = body[range];
            var equals = pair.IndexOf('=');
            if (equals <= 0 || !IsName(pair[..equals]))
            {
                if (declared)
                {
                    continue;
                }

                return null;
            }

            pairs++;
            var key = IndexOf(pair[..equals]);
            if (key >= 0)
            {
                found ??= new string?[s_keys.Length];
                found[key] ??= WebUtility.UrlDecode(pair[(equals + 1)..].ToString());
            }
        }

        // A form without a message says nothing a client can read ("status=failed&code=17"): no candidate at all.
        return found ?? (pairs > 0 ? [] : null);
    }

    private static bool IsName(ReadOnlySpan<char> key)
    {
        foreach (var c in key)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '-' or '.' or '[' or ']'))
            {
                return false;
            }
        }

        return true;
    }

    private static int IndexOf(ReadOnlySpan<char> key)
    {
        for (var i = 0; i < s_keys.Length; i++)
        {
            if (key.Equals(s_keys[i], StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
