using System.Buffers.Text;
using System.Text;

namespace Gateway.Kestrel;

/// <summary>
/// Recognises the bare answer Kestrel writes when it refuses a request before the pipeline runs: an HTTP/1.x
/// 4xx/5xx head with <c>Content-Length: 0</c> and <c>Connection: close</c>, without the gateway's correlation header
/// (which every answer of the pipeline carries).
/// </summary>
internal static class KestrelRejectionHead
{
    private static ReadOnlySpan<byte> HeadEnd => "\r\n\r\n"u8;

    /// <summary>The first bytes every HTTP/1.x response head starts with.</summary>
    public static ReadOnlySpan<byte> Prefix => "HTTP/1."u8;

    /// <summary>Index just past the blank line that ends the head, or -1 while it is not complete.</summary>
    public static int HeadLength(ReadOnlySpan<byte> bytes)
    {
        var end = bytes.IndexOf(HeadEnd);
        return end < 0 ? -1 : end + HeadEnd.Length;
    }

    /// <summary>Whether <paramref name="head"/> is Kestrel's own rejection; gives its status and Date value.</summary>
    public static bool TryRead(ReadOnlySpan<byte> head, string correlationHeader, out int status, out string? date)
    {
        status = 0;
        date = null;
        // "HTTP/1.1 431 Request Header Fields Too Large"
        if (!head.StartsWith(Prefix) || head.Length < 12 || head[8] != (byte)' '
            || !Utf8Parser.TryParse(head.Slice(9, 3), out status, out var consumed) || consumed != 3 || status is < 400 or > 599)
        {
            return false;
        }

        var emptyBody = false;
        var closes = false;
        var rest = head[(head.IndexOf("\r\n"u8) + 2)..];
        while (rest.Length > 2)
        {
            var lineEnd = rest.IndexOf("\r\n"u8);
            if (lineEnd < 0)
            {
                break;
            }

            var line = rest[..lineEnd];
            rest = rest[(lineEnd + 2)..];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                return false;
            }

            var name = line[..colon];
            var value = line[(colon + 1)..].Trim((byte)' ');
            if (Ascii.EqualsIgnoreCase(name, correlationHeader) || Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
            {
                return false; // the pipeline's own answer, or a body follows
            }

            if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
            {
                if (!value.SequenceEqual("0"u8))
                {
                    return false;
                }

                emptyBody = true;
            }
            else if (Ascii.EqualsIgnoreCase(name, "Connection"u8))
            {
                closes = Ascii.EqualsIgnoreCase(value, "close"u8);
            }
            else if (Ascii.EqualsIgnoreCase(name, "Date"u8))
            {
                date = Encoding.ASCII.GetString(value);
            }
        }

        // Kestrel never keeps a connection after its own rejection; anything that does is not one.
        return emptyBody && closes;
    }
}
