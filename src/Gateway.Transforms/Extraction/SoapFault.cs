using System.Text;

namespace Gateway.Transforms.Extraction;

/// <summary>
/// Whether an XML body is a SOAP fault, and whose: SOAP 1.1 §6.2 and 1.2 §7.5.1 want a fault on HTTP 500 (or 400 for
/// a sender's fault in 1.2), but some stacks answer 200 with <c>Envelope/Body/Fault</c>. Read forward over element
/// names only, up to the first child of <c>Body</c>: a large ordinary response costs its first few tags. No DTD or
/// entity is processed. An XML-RPC fault (<c>methodResponse/fault</c>, which the XML-RPC specification sends with 200
/// by design) counts too: the same legacy stacks answer both, and it has no sender's code, so it stands for 500.
/// </summary>
internal static class SoapFault
{
    private const int MaxCodeChars = 256;
    private const int MaxScanBytes = 64 * 1024;

    /// <summary>The HTTP status the fault stands for: 400 for the sender's (<c>Client</c>, <c>Sender</c>), else 500;
    /// null when the body is not a fault.</summary>
    public static int? Status(ReadOnlySpan<byte> utf8)
    {
        // A fault is small; only a SOAP header could push it far in.
        var xml = Encoding.UTF8.GetString(utf8[..Math.Min(utf8.Length, MaxScanBytes)]);
        var depth = 0;
        var inFault = false;
        var faultDepth = 0;
        var inCode = false; // SOAP 1.2: Fault/Code/Value
        var xmlRpc = false;
        var pos = 0;
        while (pos < xml.Length)
        {
            var lt = xml.IndexOf('<', pos);
            if (lt < 0 || lt + 1 >= xml.Length)
            {
                return inFault ? 500 : null;
            }

            var next = xml[lt + 1];
            if (next is '?' or '!')
            {
                var close = next == '!' && xml.AsSpan(lt).StartsWith("<!--") ? xml.IndexOf("-->", lt, StringComparison.Ordinal) : xml.IndexOf('>', lt);
                if (close < 0)
                {
                    return null;
                }

                pos = close + 1;
                continue;
            }

            var tagEnd = xml.IndexOf('>', lt);
            if (tagEnd < 0)
            {
                return inFault ? 500 : null;
            }

            var tag = xml.AsSpan(lt + 1, tagEnd - lt - 1);
            pos = tagEnd + 1;
            if (tag.StartsWith('/'))
            {
                depth--;
                if (inFault && depth < faultDepth)
                {
                    return 500; // the fault ended without a code the gateway could read
                }

                continue;
            }

            var selfClosing = tag.EndsWith('/');
            var name = LocalName(tag);
            if (!inFault)
            {
                // Envelope at depth 0, then Body (a Header before it is skipped whole), and Body's first element decides;
                // for XML-RPC, methodResponse's first element (params or fault).
                if (depth == 0)
                {
                    xmlRpc = name.Equals("methodResponse", StringComparison.Ordinal);
                    if (!xmlRpc && !name.Equals("Envelope", StringComparison.Ordinal))
                    {
                        return null;
                    }
                }
                else if (xmlRpc)
                {
                    return name.Equals("fault", StringComparison.Ordinal) ? 500 : null;
                }

                if (depth == 1 && name.Equals("Header", StringComparison.Ordinal))
                {
                    if (selfClosing)
                    {
                        continue;
                    }

                    var headerEnd = xml.IndexOf("</" + QualifiedName(tag).ToString() + ">", pos, StringComparison.Ordinal);
                    if (headerEnd < 0)
                    {
                        return null;
                    }

                    pos = xml.IndexOf('>', headerEnd) + 1;
                    continue;
                }

                if (depth == 1 && !name.Equals("Body", StringComparison.Ordinal))
                {
                    return null;
                }

                if (depth == 2)
                {
                    if (!name.Equals("Fault", StringComparison.Ordinal))
                    {
                        return null; // an ordinary response
                    }

                    inFault = true;
                    faultDepth = depth + 1;
                }
            }
            else if (name is "faultcode" || (name is "Value" && inCode))
            {
                var textEnd = xml.IndexOf('<', pos);
                var code = textEnd < 0 ? "" : xml.AsSpan(pos, Math.Min(textEnd - pos, MaxCodeChars)).Trim();
                var local = code[(code.IndexOf(':') + 1)..];
                return local.StartsWith("Client", StringComparison.Ordinal) || local.StartsWith("Sender", StringComparison.Ordinal) ? 400 : 500;
            }
            else if (name is "Code")
            {
                inCode = true;
            }

            if (!selfClosing)
            {
                depth++;
            }
        }

        return inFault ? 500 : null;
    }

    private static ReadOnlySpan<char> QualifiedName(ReadOnlySpan<char> tag)
    {
        var end = tag.IndexOfAny(" \t\r\n/");
        return end < 0 ? tag : tag[..end];
    }

    private static ReadOnlySpan<char> LocalName(ReadOnlySpan<char> tag)
    {
        var qualified = QualifiedName(tag);
        return qualified[(qualified.IndexOf(':') + 1)..];
    }
}
