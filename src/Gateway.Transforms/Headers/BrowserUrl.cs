using System.Globalization;
using System.Text;

namespace Gateway.Transforms.Headers;

/// <summary>What a URL reference in a header names once a browser has read it.</summary>
internal enum UrlReferenceKind
{
    /// <summary>A path on the client's own host (<c>/api/x</c>, <c>x?page=2</c>), or nothing a browser could parse.</summary>
    Relative,

    /// <summary>An http(s) URL with a host (<see cref="BrowserTarget.Uri"/>).</summary>
    Web,

    /// <summary>A file on a disk or a share (<c>file:///C:/…</c>, <c>\\APPSRV01\reports\…</c>): no public equivalent.</summary>
    FilePath,

    /// <summary>Another scheme (<c>mailto:</c>, <c>urn:</c>, <c>ftp:</c>), left as it is.</summary>
    Other,
}

/// <summary>A URL reference as a browser reads it.</summary>
/// <param name="Kind">What it names.</param>
/// <param name="Uri">For <see cref="UrlReferenceKind.Web"/>: the URL in its plain form (slashes, decoded host, no trailing dot).</param>
/// <param name="NetworkPath">Whether it had no scheme (<c>//host/x</c>): it takes the client's.</param>
internal readonly record struct BrowserTarget(UrlReferenceKind Kind, Uri? Uri, bool NetworkPath);

/// <summary>
/// Reads a <c>Location</c>-like value the way the WHATWG URL standard (every browser) does, so the host it judges is the
/// host a client goes to: <c>\</c> is <c>/</c> in http(s) and relative references, any number of slashes may follow the
/// scheme (or none: <c>http:10.0.3.17/x</c>), the authority ends at a backslash (<c>http://10.0.3.17\@public.example/</c>
/// goes to 10.0.3.17), the host is percent-decoded, loses a trailing dot, and <c>0x0A.0.3.17</c> is an IPv4 address.
/// </summary>
internal static class BrowserUrl
{
    public static BrowserTarget Read(string reference)
    {
        // WHATWG: leading and trailing C0 controls and spaces go, and tabs and newlines anywhere.
        var value = reference.Trim('\0', ' ', '\t', '\r', '\n', '\f', '\v');
        if (value.AsSpan().IndexOfAny('\t', '\n', '\r') >= 0)
        {
            value = value.Replace("\t", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal);
        }

        var scheme = SchemeLength(value);
        if (scheme > 0)
        {
            var name = value[..scheme].ToLowerInvariant();
            if (name == "file")
            {
                return new(UrlReferenceKind.FilePath, null, false);
            }

            return name is "http" or "https" ? Web(name, value[(scheme + 1)..], networkPath: false) : new(UrlReferenceKind.Other, null, false);
        }

        if (value.StartsWith(@"\\", StringComparison.Ordinal))
        {
            return new(UrlReferenceKind.FilePath, null, false); // a UNC path: \\server\share\dir\file
        }

        return value.Length >= 2 && value[0] is ('/' or '\\') && value[1] is ('/' or '\\')
            ? Web("http", value, networkPath: true)
            : new(UrlReferenceKind.Relative, null, false);
    }

    // Whatever follows "http:" (or a network path's start): slashes of either kind, then the authority up to the next
    // slash, backslash, '?' or '#'. The user info goes (callers keep only host, port and path).
    private static BrowserTarget Web(string scheme, string rest, bool networkPath)
    {
        rest = rest.TrimStart('/', '\\');
        var end = rest.AsSpan().IndexOfAny(@"/\?#");
        var authority = end < 0 ? rest : rest[..end];
        var tail = end < 0 ? "" : rest[end..];
        authority = authority[(authority.LastIndexOf('@') + 1)..];

        var portAt = authority.StartsWith('[') ? authority.IndexOf("]:", StringComparison.Ordinal) + 1 : authority.LastIndexOf(':');
        var host = portAt > 0 ? authority[..portAt] : authority;
        var port = portAt > 0 ? authority[portAt..] : "";
        if (!host.StartsWith('['))
        {
            host = Uri.UnescapeDataString(host).TrimEnd('.').ToLowerInvariant();
            if (!TryIPv4(host, out host))
            {
                return new(UrlReferenceKind.Other, null, networkPath); // a browser refuses it too
            }
        }

        var pathEnd = tail.AsSpan().IndexOfAny('?', '#');
        var path = (pathEnd < 0 ? tail : tail[..pathEnd]).Replace('\\', '/');
        var plain = $"{scheme}://{host}{port}{path}{(pathEnd < 0 ? "" : tail[pathEnd..])}";
        return host.Length > 0 && Uri.TryCreate(plain, UriKind.Absolute, out var uri)
            ? new(UrlReferenceKind.Web, uri, networkPath)
            : new(UrlReferenceKind.Other, null, networkPath);
    }

    private static int SchemeLength(string value)
    {
        if (value.Length == 0 || !char.IsAsciiLetter(value[0]))
        {
            return 0;
        }

        for (var i = 1; i < value.Length; i++)
        {
            var c = value[i];
            if (c == ':')
            {
                return i;
            }

            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return 0;
            }
        }

        return 0;
    }

    // WHATWG "ends in a number": then the host must be an IPv4 address, each part decimal, 0x-hex or 0-octal, the last
    // one filling the remaining bytes (10.3.17 is 10.0.3.17; 167773969 is 10.0.3.17). False when it is not one.
    private static bool TryIPv4(string host, out string result)
    {
        result = host;
        var parts = host.Split('.');
        var last = parts[^1];
        if (!(last.Length > 0 && (last.All(char.IsAsciiDigit) || (last.StartsWith("0x", StringComparison.Ordinal) && last[2..].All(char.IsAsciiHexDigit)))))
        {
            return true; // a name
        }

        if (parts.Length > 4)
        {
            return false;
        }

        var numbers = new long[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!TryNumber(parts[i], out numbers[i]) || (i < parts.Length - 1 && numbers[i] > 255))
            {
                return false;
            }
        }

        if (numbers[^1] >= 1L << (8 * (5 - parts.Length)))
        {
            return false;
        }

        var address = numbers[^1];
        for (var i = 0; i < parts.Length - 1; i++)
        {
            address += numbers[i] << (8 * (3 - i));
        }

        var b = new StringBuilder(15);
        for (var shift = 24; shift >= 0; shift -= 8)
        {
            b.Append(((address >> shift) & 0xFF).ToString(CultureInfo.InvariantCulture)).Append(shift > 0 ? "." : "");
        }

        result = b.ToString();
        return true;
    }

    private static bool TryNumber(string part, out long number)
    {
        number = 0;
        if (part.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return part.Length == 2 || long.TryParse(part.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out number);
        }

        if (part.Length > 1 && part[0] == '0')
        {
            try
            {
                number = part.Length > 22 ? throw new OverflowException() : Convert.ToInt64(part, 8);
                return true;
            }
            catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
            {
                return false;
            }
        }

        return part.Length is > 0 and < 19 && part.All(char.IsAsciiDigit) && long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }
}
