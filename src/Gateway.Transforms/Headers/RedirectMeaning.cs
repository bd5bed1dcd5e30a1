namespace Gateway.Transforms.Headers;

/// <summary>What a legacy backend's redirect stands for, for an API client that would follow it to an HTML page.</summary>
public enum RedirectKind
{
    /// <summary>An ordinary redirect: passed on.</summary>
    Redirect,

    /// <summary>The framework's error page (ASP.NET <c>customErrors</c>: <c>/Error.aspx?aspxerrorpath=/api/x</c>): a 500.</summary>
    ErrorPage,

    /// <summary>A login page or single sign-on (<c>/Account/Login?ReturnUrl=…</c>, Spring Security's <c>/login</c>,
    /// <c>wp-login.php?redirect_to=</c>, CAS, SAML, an OpenID Connect authorize endpoint): a 401.</summary>
    Login,

    /// <summary>A 3xx no client can follow: a status HTTP defines no redirect for (305, 306, 310, 399 …), or a redirect
    /// without exactly one usable <c>Location</c>. It carries whatever the backend put in its body: a 500.</summary>
    Unfollowable,
}

/// <summary>
/// Legacy web stacks answer an API call they cannot serve with a redirect to a page meant for a browser: a failed
/// request to the error page, an unauthenticated one to the login form. Only unmistakable signs count: a parameter
/// these frameworks name the page they came from with, or a path ending in a login page's own name.
/// </summary>
public static class RedirectMeaning
{
    private static readonly string[] s_loginParameters = ["ReturnUrl", "redirect_to", "SAMLRequest", "spring-security-redirect"];

    private static readonly string[] s_loginPages = ["login", "signin", "sign_in", "sign-in", "logon", "wp-login", "j_security_check"];

    private static readonly string[] s_pageExtensions = ["", ".jsp", ".jspx", ".aspx", ".asp", ".php", ".do", ".action", ".html", ".htm", ".cfm"];

    /// <summary>Whether a 3xx (not 304) is a redirect a client can follow: 300, 301, 302, 303, 307 or 308 (RFC 9110
    /// §15.4) with one <c>Location</c> naming a web address or a path (not a file, not another scheme).</summary>
    public static bool IsFollowable(int status, IReadOnlyList<string?> locations)
    {
        ArgumentNullException.ThrowIfNull(locations);
        return status is 300 or 301 or 302 or 303 or 307 or 308
            && locations is [{ } location]
            && !string.IsNullOrWhiteSpace(location)
            && BrowserUrl.Read(location).Kind is UrlReferenceKind.Relative or UrlReferenceKind.Web;
    }

    /// <summary>What a redirect to <paramref name="location"/> stands for.</summary>
    public static RedirectKind Classify(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        var span = location.AsSpan();
        var end = span.IndexOfAny('?', '#');
        var path = end < 0 ? span : span[..end];
        var query = end >= 0 && span[end] == '?' ? span[(end + 1)..] : default;
        var hash = query.IndexOf('#');
        if (hash >= 0)
        {
            query = query[..hash];
        }

        var openIdAuthorize = false;
        foreach (var range in query.Split('&'))
        {
            var name = query[range];
            var equals = name.IndexOf('=');
            name = equals < 0 ? name : name[..equals];
            if (name.Equals("aspxerrorpath", StringComparison.OrdinalIgnoreCase))
            {
                return RedirectKind.ErrorPage;
            }

            foreach (var parameter in s_loginParameters)
            {
                if (name.Equals(parameter, StringComparison.OrdinalIgnoreCase))
                {
                    return RedirectKind.Login;
                }
            }

            openIdAuthorize |= name.Equals("response_type", StringComparison.Ordinal);
        }

        var segment = LastSegment(path);
        if (openIdAuthorize && (segment.Equals("authorize", StringComparison.OrdinalIgnoreCase) || segment.Equals("auth", StringComparison.OrdinalIgnoreCase)))
        {
            return RedirectKind.Login;
        }

        return IsLoginPage(segment) ? RedirectKind.Login : RedirectKind.Redirect;
    }

    private static ReadOnlySpan<char> LastSegment(ReadOnlySpan<char> path)
    {
        var scheme = path.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            var slash = path[(scheme + 3)..].IndexOf('/');
            path = slash < 0 ? default : path[(scheme + 3 + slash)..];
        }

        path = path.TrimEnd('/');
        var segment = path[(path.LastIndexOf('/') + 1)..];
        var parameters = segment.IndexOf(';'); // a servlet's ";jsessionid=…"
        return parameters < 0 ? segment : segment[..parameters];
    }

    private static bool IsLoginPage(ReadOnlySpan<char> segment)
    {
        foreach (var page in s_loginPages)
        {
            if (!segment.StartsWith(page, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var extension = segment[page.Length..];
            foreach (var known in s_pageExtensions)
            {
                if (extension.Equals(known, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
