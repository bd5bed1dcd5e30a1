namespace Gateway.Transforms.Headers;

/// <summary>
/// Rewrites a <c>Location</c> (or <c>Content-Location</c>) that points at an upstream's own address to the address
/// the client used, undoing the route's path transforms, so internal hosts and ports never reach a client.
/// </summary>
public static class LocationRewriter
{
    /// <summary>What <see cref="TryRewrite"/> returns for a value that must go: a file or share path (<c>file:///C:/inetpub/…</c>,
    /// <c>\\APPSRV01\reports\…</c>) shows the server's disk layout and has no public equivalent.</summary>
    public const string Drop = "";

    /// <summary>Returns the rewritten value; <see cref="Drop"/> when the header must be removed; or null when the value
    /// points neither at a destination nor at an internal host and carries no user info.</summary>
    /// <param name="location">The header value from the upstream.</param>
    /// <param name="destinations">The cluster's destination addresses, e.g. <c>http://10.0.0.5:8080/app/</c>.</param>
    /// <param name="publicBase">What the client used: scheme, host and path base, e.g. <c>https://api.example.com</c>.</param>
    /// <param name="removedPrefix">The route's <c>PathRemovePrefix</c>, put back (e.g. <c>/v2</c>); or null.</param>
    /// <param name="addedPrefix">The route's <c>PathPrefix</c>, taken off again; or null.</param>
    public static string? TryRewrite(string location, IEnumerable<string> destinations, string publicBase, string? removedPrefix, string? addedPrefix)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(destinations);
        ArgumentNullException.ThrowIfNull(publicBase);

        var rewritten = RewriteTarget(location, destinations, publicBase, removedPrefix, addedPrefix);
        return rewritten is { Length: 0 } ? Drop
            : RewriteNestedUrls(rewritten ?? location, destinations, publicBase, removedPrefix, addedPrefix) ?? rewritten;
    }

    private static string? RewriteTarget(string location, IEnumerable<string> destinations, string publicBase, string? removedPrefix, string? addedPrefix)
    {
        // Judged as a browser reads it: "\\APPSRV01\x", "/\\app07.corp/x" and "http:10.0.3.17/x" all name a host.
        var (kind, target, networkPath) = BrowserUrl.Read(location);
        switch (kind)
        {
            case UrlReferenceKind.FilePath:
                return Drop;
            case UrlReferenceKind.Relative when location.StartsWith('/'):
                // Path-absolute: the host is already the client's, and it stays relative; only the route's path transforms need undoing.
                return removedPrefix is null && addedPrefix is null ? null : Combine("", location, removedPrefix, addedPrefix);
            case UrlReferenceKind.Web when target is not null:
                break;
            default:
                return null;
        }

        foreach (var destination in destinations)
        {
            if (!Uri.TryCreate(destination, UriKind.Absolute, out var baseUri)
                || (!networkPath && !string.Equals(target.Scheme, baseUri.Scheme, StringComparison.OrdinalIgnoreCase))
                || !string.Equals(target.IdnHost, baseUri.IdnHost, StringComparison.OrdinalIgnoreCase)
                || (target.Port != baseUri.Port && !(networkPath && target.IsDefaultPort)))
            {
                continue;
            }

            var basePath = baseUri.AbsolutePath.TrimEnd('/');
            var path = target.PathAndQuery + target.Fragment;
            if (basePath.Length > 0)
            {
                if (!path.StartsWith(basePath, StringComparison.Ordinal) || (path.Length > basePath.Length && path[basePath.Length] is not ('/' or '?' or '#')))
                {
                    continue;
                }

                path = path[basePath.Length..];
            }

            return Combine(publicBase, path.Length == 0 ? "/" : path, removedPrefix, addedPrefix);
        }

        // Not a destination, but still an address only the inside knows (another node, the upstream's own name for
        // itself): keep the path, hide the host. The client's own host is left alone, so nothing is rewritten twice.
        if (InternalHost.IsInternal(target) && !IsPublicBase(target, publicBase))
        {
            return Combine(publicBase, target.PathAndQuery + target.Fragment, removedPrefix, addedPrefix);
        }

        return WithoutUserInfo(location);
    }

    // A query value that is itself a URL of the inside (a return or "next" address: ?ReturnUrl=http%3A%2F%2F10.0.3.17%3A8080%2Fx)
    // shows the internal address as plainly as the target does; it is rewritten the same way, encoded as it came.
    private static string? RewriteNestedUrls(string url, IEnumerable<string> destinations, string publicBase, string? removedPrefix, string? addedPrefix)
    {
        var query = url.IndexOf('?', StringComparison.Ordinal);
        if (query < 0)
        {
            return null;
        }

        var fragment = url.IndexOf('#', query);
        var end = fragment < 0 ? url.Length : fragment;
        var parameters = url[(query + 1)..end].Split('&');
        var changed = false;
        for (var i = 0; i < parameters.Length; i++)
        {
            var equals = parameters[i].IndexOf('=', StringComparison.Ordinal);
            var value = parameters[i][(equals + 1)..];
            var decoded = Uri.UnescapeDataString(value);
            if (BrowserUrl.Read(decoded).Kind != UrlReferenceKind.Web
                || TryRewrite(decoded, destinations, publicBase, removedPrefix, addedPrefix) is not { Length: > 0 } nested)
            {
                continue;
            }

            parameters[i] = parameters[i][..(equals + 1)] + (decoded == value ? nested : Uri.EscapeDataString(nested));
            changed = true;
        }

        return changed ? string.Concat(url.AsSpan(0, query + 1), string.Join('&', parameters), url.AsSpan(end)) : null;
    }

    // RFC 9110 §4.2.4: a sender must not generate userinfo in an http(s) URI; a backend that does hands its password to
    // every client (http://sa:S3cret@reports.example.com/x). The host stays; the user info goes, as it does above.
    private static string? WithoutUserInfo(string location)
    {
        var value = location.Trim();
        var start = value.StartsWith("http:", StringComparison.OrdinalIgnoreCase) ? 5
            : value.StartsWith("https:", StringComparison.OrdinalIgnoreCase) ? 6
            : 0;
        while (start < value.Length && value[start] is '/' or '\\')
        {
            start++;
        }

        var end = value.AsSpan(start).IndexOfAny(@"/\?#");
        var authority = end < 0 ? value.AsSpan(start) : value.AsSpan(start, end);
        var at = authority.LastIndexOf('@');
        return at < 0 ? null : string.Concat(value.AsSpan(0, start), value.AsSpan(start + at + 1));
    }

    private static bool IsPublicBase(Uri target, string publicBase) =>
        Uri.TryCreate(publicBase, UriKind.Absolute, out var client)
        && string.Equals(target.IdnHost, client.IdnHost, StringComparison.OrdinalIgnoreCase)
        && target.Port == client.Port;

    private static string Combine(string publicBase, string path, string? removedPrefix, string? addedPrefix) =>
        publicBase.TrimEnd('/') + PublicPath(path, removedPrefix, addedPrefix);

    /// <summary>An upstream path as the client addresses it: the route's <c>PathPrefix</c> off, its <c>PathRemovePrefix</c> on.</summary>
    internal static string PublicPath(string path, string? removedPrefix, string? addedPrefix)
    {
        var added = addedPrefix?.TrimEnd('/');
        // Only whole segments: "/legacyapp" is not under "/legacy".
        if (!string.IsNullOrEmpty(added) && path.StartsWith(added, StringComparison.Ordinal)
            && (path.Length == added.Length || path[added.Length] is '/' or '?' or '#'))
        {
            path = path[added.Length..];
            if (path.Length == 0 || path[0] != '/')
            {
                path = "/" + path;
            }
        }

        if (!string.IsNullOrEmpty(removedPrefix))
        {
            path = removedPrefix.TrimEnd('/') + path;
        }

        return path;
    }
}
