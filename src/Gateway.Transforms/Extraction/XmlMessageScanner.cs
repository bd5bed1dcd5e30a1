using System.Buffers;
using System.Net;
using System.Text;

namespace Gateway.Transforms.Extraction;

/// <summary>
/// A bounded, forward-only XML scanner for error messages: SOAP 1.1 <c>faultstring</c>, SOAP 1.2 <c>Reason/Text</c>,
/// and <c>message</c>/<c>error</c>-like elements. No DTD is processed and no entity is expanded beyond the predefined
/// ones, so external entities and entity bombs cannot fire; cost is linear in the input.
/// </summary>
internal static class XmlMessageScanner
{
    private const int MaxDepth = 64;

    // Slot order is priority order; each slot keeps the first element with text only (no child elements).
    private static readonly string[] s_slots = ["faultstring", "message", "errorMessage", "error_message", "detail", "error", "description", "title", "reason"];
    private const int ReasonTextSlot = 0;

    private static readonly SearchValues<char> s_nameEnd = SearchValues.Create(" \t\r\n/>");

    public static IEnumerable<string?> Candidates(string xml)
    {
        var found = new string?[s_slots.Length];
        Scan(xml, found);
        return found;
    }

    private static void Scan(string xml, string?[] found)
    {
        Span<bool> isReason = stackalloc bool[MaxDepth + 1];
        var depth = 0;
        var slot = -1;
        var slotDepth = 0;
        var text = new StringBuilder();
        var pos = 0;
        while (pos < xml.Length)
        {
            var lt = xml.IndexOf('<', pos);
            var end = lt < 0 ? xml.Length : lt;
            if (slot >= 0)
            {
                text.Append(xml, pos, end - pos);
            }

            if (lt < 0)
            {
                return;
            }

            var rest = xml.AsSpan(lt);
            if (rest.StartsWith("<![CDATA["))
            {
                var close = xml.IndexOf("]]>", lt, StringComparison.Ordinal);
                var contentEnd = close < 0 ? xml.Length : close;
                if (slot >= 0)
                {
                    // CDATA is literal: escape it so the entity decoding at the end leaves it as written.
                    text.Append(WebUtility.HtmlEncode(xml[(lt + 9)..contentEnd]));
                }

                pos = close < 0 ? xml.Length : close + 3;
                continue;
            }

            if (rest.StartsWith("<!--") || rest.StartsWith("<?") || rest.StartsWith("<!"))
            {
                pos = SkipMarkup(xml, lt);
                continue;
            }

            var tagEnd = FindTagEnd(xml, lt + 1);
            if (tagEnd < 0)
            {
                return;
            }

            var closing = xml[lt + 1] == '/';
            var name = LocalName(xml.AsSpan(closing ? lt + 2 : lt + 1, tagEnd - lt - (closing ? 2 : 1)));
            if (closing)
            {
                if (slot >= 0 && depth == slotDepth)
                {
                    var decoded = WebUtility.HtmlDecode(text.ToString());
                    if (!string.IsNullOrWhiteSpace(decoded) && !HasEntityReference(decoded))
                    {
                        found[slot] ??= decoded;
                    }

                    slot = -1;
                }

                depth = Math.Max(0, depth - 1);
            }
            else
            {
                // A child element means the open candidate is a container, not a message.
                slot = -1;
                if (xml[tagEnd - 1] != '/')
                {
                    if (++depth > MaxDepth)
                    {
                        return;
                    }

                    isReason[depth] = name.Equals("Reason", StringComparison.OrdinalIgnoreCase);
                    var candidate = name.Equals("Text", StringComparison.OrdinalIgnoreCase) && isReason[depth - 1]
                        ? ReasonTextSlot
                        : IndexOf(name);
                    if (candidate >= 0 && found[candidate] is null)
                    {
                        slot = candidate;
                        slotDepth = depth;
                        text.Clear();
                    }
                }
            }

            pos = tagEnd + 1;
        }
    }

    // A reference that survived decoding names a DTD entity, which is never expanded (XXE, entity bombs): such text is
    // not the message the author meant.
    private static bool HasEntityReference(string text)
    {
        for (var amp = text.IndexOf('&'); amp >= 0; amp = text.IndexOf('&', amp + 1))
        {
            var semicolon = text.IndexOf(';', amp + 1);
            if (semicolon > amp + 1 && semicolon - amp <= 64 && !text.AsSpan(amp + 1, semicolon - amp - 1).ContainsAny(s_nameEnd))
            {
                return true;
            }
        }

        return false;
    }

    private static int IndexOf(ReadOnlySpan<char> name)
    {
        for (var i = 0; i < s_slots.Length; i++)
        {
            if (name.Equals(s_slots[i], StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static ReadOnlySpan<char> LocalName(ReadOnlySpan<char> tag)
    {
        var stop = tag.IndexOfAny(s_nameEnd);
        var name = stop < 0 ? tag : tag[..stop];
        return name[(name.IndexOf(':') + 1)..];
    }

    // The '>' that ends a tag, ignoring any inside quoted attribute values; -1 when the tag never ends.
    private static int FindTagEnd(string xml, int from)
    {
        var quote = '\0';
        for (var i = from; i < xml.Length; i++)
        {
            var c = xml[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i;
            }
        }

        return -1;
    }

    // Comments, processing instructions and declarations (a DOCTYPE's internal subset included) are skipped unread.
    private static int SkipMarkup(string xml, int lt)
    {
        var terminator = xml.AsSpan(lt).StartsWith("<!--") ? "-->" : xml.AsSpan(lt).StartsWith("<?") ? "?>" : null;
        if (terminator is not null)
        {
            var close = xml.IndexOf(terminator, lt + 2, StringComparison.Ordinal);
            return close < 0 ? xml.Length : close + terminator.Length;
        }

        var brackets = 0;
        for (var i = lt + 2; i < xml.Length; i++)
        {
            switch (xml[i])
            {
                case '[':
                    brackets++;
                    break;
                case ']':
                    brackets = Math.Max(0, brackets - 1);
                    break;
                case '>' when brackets == 0:
                    return i + 1;
            }
        }

        return xml.Length;
    }
}
