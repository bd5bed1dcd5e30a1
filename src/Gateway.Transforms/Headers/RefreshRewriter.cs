namespace Gateway.Transforms.Headers;

/// <summary>
/// Rewrites the URL of a <c>Refresh</c> header (<c>0; url=http://10.0.3.17:8080/x</c>, which browsers follow like a
/// redirect) as <see cref="LocationRewriter"/> rewrites a <c>Location</c>; NGINX's <c>proxy_redirect</c> does the same.
/// The value is read as WHATWG HTML's declarative refresh reads it: a delay, <c>;</c> or <c>,</c>, an optional
/// <c>url=</c>, an optional quote.
/// </summary>
public static class RefreshRewriter
{
    /// <summary>Returns the rewritten value, <see cref="LocationRewriter.Drop"/> when the URL is a file path, or null when
    /// nothing changes (no URL, or one that names neither a destination nor an internal host).</summary>
    public static string? TryRewrite(string refresh, IEnumerable<string> destinations, string publicBase, string? removedPrefix, string? addedPrefix)
    {
        ArgumentNullException.ThrowIfNull(refresh);
        if (!TryFindUrl(refresh, out var start, out var end))
        {
            return null;
        }

        var rewritten = LocationRewriter.TryRewrite(refresh[start..end], destinations, publicBase, removedPrefix, addedPrefix);
        return rewritten is null ? null
            : rewritten.Length == 0 ? LocationRewriter.Drop
            : string.Concat(refresh.AsSpan(0, start), rewritten, refresh.AsSpan(end));
    }

    private static bool TryFindUrl(string value, out int start, out int end)
    {
        var i = Skip(value, 0, static c => c is ' ' or '\t');
        i = Skip(value, i, static c => char.IsAsciiDigit(c) || c == '.');
        i = Skip(value, i, static c => c is ' ' or '\t');
        if (i < value.Length && value[i] is ';' or ',')
        {
            i = Skip(value, i + 1, static c => c is ' ' or '\t');
        }

        if (value.AsSpan(i).StartsWith("url", StringComparison.OrdinalIgnoreCase))
        {
            var afterName = Skip(value, i + 3, static c => c is ' ' or '\t');
            if (afterName < value.Length && value[afterName] == '=')
            {
                i = Skip(value, afterName + 1, static c => c is ' ' or '\t');
            }
        }

        end = value.Length;
        if (i < value.Length && value[i] is '"' or '\'')
        {
            var close = value.IndexOf(value[i], i + 1);
            end = close < 0 ? value.Length : close;
            i++;
        }

        start = i;
        end = Math.Max(start, value.AsSpan(start, end - start).TrimEnd(" \t").Length + start);
        return end > start;
    }

    private static int Skip(string value, int i, Func<char, bool> match)
    {
        while (i < value.Length && match(value[i]))
        {
            i++;
        }

        return i;
    }
}
