namespace Gateway.Transforms.Headers;

/// <summary>
/// ASP.NET's <c>customErrors</c> with a <c>defaultRedirect</c> answers a failed request with a 302 to its error page,
/// naming the failed path in <c>aspxerrorpath</c> (<c>/Error.aspx?aspxerrorpath=/api/students/12</c>). An API client
/// would follow it and get a 200 HTML page: the redirect is the error, and is answered as one.
/// </summary>
public static class ErrorPageRedirect
{
    /// <summary>True when a redirect's <c>Location</c> is the framework's error-page redirect.</summary>
    public static bool IsErrorPage(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        var query = location.IndexOf('?', StringComparison.Ordinal);
        if (query < 0)
        {
            return false;
        }

        foreach (var range in location.AsSpan(query + 1).Split('&'))
        {
            var parameter = location.AsSpan(query + 1)[range];
            if (parameter.StartsWith("aspxerrorpath=", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
