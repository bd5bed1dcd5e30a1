using System.Text;

namespace Gateway.Transforms.Headers;

/// <summary>
/// A legacy app's <c>Set-Cookie</c> names its own world: <c>Domain=app07.corp</c> (an internal host the browser
/// would refuse on the public one) and <c>Path=/api</c> (the upstream's path, which a route with
/// <c>PathRemovePrefix</c> serves at <c>/v2/api</c>). An internal <c>Domain</c> is dropped, so the cookie belongs to
/// the host the client used; a path gets the route's prefixes back, as <see cref="LocationRewriter"/> does.
/// NGINX needs <c>proxy_cookie_domain</c> / <c>proxy_cookie_path</c> for this.
/// </summary>
public static class SetCookieRewriter
{
    /// <summary>The rewritten field value, or null when nothing changes.</summary>
    /// <param name="setCookie">One <c>Set-Cookie</c> field value.</param>
    /// <param name="removedPrefix">The route's <c>PathRemovePrefix</c>, put back on a cookie's path; or null.</param>
    /// <param name="addedPrefix">The route's <c>PathPrefix</c>, taken off again; or null.</param>
    /// <param name="dropInternalDomain">False on routes that opted out of header stripping.</param>
    public static string? TryRewrite(string setCookie, string? removedPrefix, string? addedPrefix, bool dropInternalDomain = true)
    {
        ArgumentNullException.ThrowIfNull(setCookie);
        var hasPrefix = !string.IsNullOrEmpty(removedPrefix) || !string.IsNullOrEmpty(addedPrefix);
        if (!(dropInternalDomain && setCookie.Contains("domain", StringComparison.OrdinalIgnoreCase))
            && !(hasPrefix && setCookie.Contains("path", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var parts = setCookie.Split(';');
        var output = new StringBuilder(setCookie.Length + 16).Append(parts[0]); // name=value is never touched
        var changed = false;
        for (var i = 1; i < parts.Length; i++)
        {
            var attribute = parts[i];
            var (name, value) = Split(attribute);
            if (dropInternalDomain && name.Equals("Domain", StringComparison.OrdinalIgnoreCase) && IsInternalDomain(value))
            {
                changed = true;
                continue;
            }

            if (hasPrefix && name.Equals("Path", StringComparison.OrdinalIgnoreCase) && MapPath(value, removedPrefix, addedPrefix) is { } path)
            {
                output.Append("; Path=").Append(path);
                changed = true;
                continue;
            }

            output.Append(';').Append(attribute);
        }

        return changed ? output.ToString() : null;
    }

    private static (string Name, string Value) Split(string attribute)
    {
        var equals = attribute.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (attribute.Trim(), "") : (attribute[..equals].Trim(), attribute[(equals + 1)..].Trim());
    }

    private static bool IsInternalDomain(string value)
    {
        var host = value.TrimStart('.');
        return Uri.TryCreate("http://" + host + "/", UriKind.Absolute, out var uri) && uri.AbsolutePath == "/" ? InternalHost.IsInternal(uri) : host.Length > 0;
    }

    // "/" already covers every public path; a deeper one moves under the route's prefix like a Location path.
    private static string? MapPath(string path, string? removedPrefix, string? addedPrefix)
    {
        if (!path.StartsWith('/') || path == "/")
        {
            return null;
        }

        var mapped = LocationRewriter.PublicPath(path, removedPrefix, addedPrefix);
        return mapped == path ? null : mapped;
    }
}
