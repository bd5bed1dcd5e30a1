using System.Text;

namespace Gateway.Transforms.Extraction;

/// <summary>
/// The root part of a <c>multipart/related</c> body (RFC 2387): SOAP stacks with MTOM/XOP on (Apache CXF, Axis2, WCF's
/// <c>messageEncoding="Mtom"</c>) send their faults so, the envelope in the part the <c>start</c> parameter names, else
/// the first. Its bytes and type are what the error is read from; the other parts are attachments.
/// </summary>
internal static class MultipartRoot
{
    private const int MaxPartHeaderBytes = 8 * 1024;

    /// <summary>The root part's content and <c>Content-Type</c>, or null when the type is no <c>multipart/related</c>
    /// with a boundary or the body holds no whole part.</summary>
    /// <param name="media"><paramref name="contentType"/> parsed (the caller has it: not parsed twice per error).</param>
    public static (Range Content, string? ContentType)? Find(MediaType media, string? contentType, ReadOnlySpan<byte> body)
    {
        if (contentType is null || !media.Type.Equals("multipart/related", StringComparison.OrdinalIgnoreCase)
            || Parameter(contentType, "boundary") is not { Length: > 0 } boundary)
        {
            return null;
        }

        var start = Parameter(contentType, "start");
        var delimiter = Encoding.ASCII.GetBytes("--" + boundary);
        (Range Content, string? ContentType)? first = null;
        var at = LineStart(body, delimiter, 0);
        while (at >= 0)
        {
            var headersFrom = body[at..].IndexOf((byte)'\n');
            if (headersFrom < 0 || body.Slice(at + delimiter.Length).StartsWith("--"u8))
            {
                break; // the close delimiter
            }

            headersFrom += at + 1;
            var blank = HeadersEnd(body[headersFrom..], out var separator);
            if (blank < 0)
            {
                break;
            }

            var headers = Encoding.ASCII.GetString(body.Slice(headersFrom, blank));
            var contentFrom = headersFrom + blank + separator;
            var next = LineStart(body, delimiter, contentFrom);
            if (next < 0)
            {
                break; // no whole part: a cut body
            }

            // The line break before the delimiter belongs to it (RFC 2046 §5.1.1).
            var contentTo = next > contentFrom && body[next - 1] == '\n' ? next - 1 : next;
            contentTo = contentTo > contentFrom && body[contentTo - 1] == '\r' ? contentTo - 1 : contentTo;
            var part = (contentFrom..contentTo, Header(headers, "Content-Type"));
            if (start is null || Header(headers, "Content-ID") is { } id && id.Trim().Equals(start.Trim(), StringComparison.Ordinal))
            {
                return part;
            }

            first ??= part;
            at = next;
        }

        return first;
    }

    // A delimiter at the start of a line (or of the body), from offset on.
    private static int LineStart(ReadOnlySpan<byte> body, ReadOnlySpan<byte> delimiter, int from)
    {
        while (from <= body.Length)
        {
            var found = body[from..].IndexOf(delimiter);
            if (found < 0)
            {
                return -1;
            }

            found += from;
            if (found == 0 || body[found - 1] == '\n')
            {
                return found;
            }

            from = found + 1;
        }

        return -1;
    }

    // Where the part's header block ends (the empty line) and how long that line break is.
    private static int HeadersEnd(ReadOnlySpan<byte> rest, out int separator)
    {
        rest = rest[..Math.Min(rest.Length, MaxPartHeaderBytes)];
        var crlf = rest.IndexOf("\r\n\r\n"u8);
        var lf = rest.IndexOf("\n\n"u8);
        if (rest.StartsWith("\r\n"u8) || rest.StartsWith("\n"u8))
        {
            separator = rest[0] == '\r' ? 2 : 1;
            return 0; // no headers
        }

        if (crlf >= 0 && (lf < 0 || crlf < lf))
        {
            separator = 4;
            return crlf;
        }

        separator = 2;
        return lf;
    }

    private static string? Header(string headers, string name)
    {
        foreach (var line in headers.Split('\n'))
        {
            var colon = line.IndexOf(':');
            if (colon > 0 && line.AsSpan(0, colon).Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return line[(colon + 1)..].Trim();
            }
        }

        return null;
    }

    // A media type parameter's value, unquoted; quoted values may hold ';'.
    private static string? Parameter(string contentType, string name)
    {
        var position = contentType.IndexOf(';');
        while (position >= 0 && position < contentType.Length)
        {
            var equals = contentType.IndexOf('=', position);
            if (equals < 0)
            {
                return null;
            }

            var key = contentType.AsSpan(position + 1, equals - position - 1).Trim();
            var valueFrom = equals + 1;
            while (valueFrom < contentType.Length && contentType[valueFrom] == ' ')
            {
                valueFrom++;
            }

            string value;
            int after;
            if (valueFrom < contentType.Length && contentType[valueFrom] == '"')
            {
                var close = contentType.IndexOf('"', valueFrom + 1);
                close = close < 0 ? contentType.Length : close;
                value = contentType[(valueFrom + 1)..close];
                after = contentType.IndexOf(';', Math.Min(close + 1, contentType.Length));
            }
            else
            {
                after = contentType.IndexOf(';', valueFrom);
                value = contentType[valueFrom..(after < 0 ? contentType.Length : after)].Trim();
            }

            if (key.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }

            position = after;
        }

        return null;
    }
}
