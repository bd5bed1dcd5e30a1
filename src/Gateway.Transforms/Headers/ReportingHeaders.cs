namespace Gateway.Transforms.Headers;

/// <summary>
/// Where a browser sends its reports: <c>Report-To</c> and <c>NEL</c> (JSON), <c>Reporting-Endpoints</c> (a structured
/// dictionary of quoted URLs) and a Content-Security-Policy's <c>report-uri</c> / <c>report-to</c>. Legacy backends point
/// them at their own collector (<c>http://10.0.3.17:8080/reports</c>), which tells a client where that machine lives.
/// </summary>
internal static class ReportingHeaders
{
    /// <summary>Whether the header names report endpoints by URL in quoted strings.</summary>
    public static bool IsEndpointList(string name) =>
        name.Equals("Report-To", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Reporting-Endpoints", StringComparison.OrdinalIgnoreCase)
        || name.Equals("NEL", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the header is a Content-Security-Policy (enforced or report-only).</summary>
    public static bool IsContentSecurityPolicy(string name) =>
        name.Equals("Content-Security-Policy", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Content-Security-Policy-Report-Only", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a quoted string of the value (a JSON or structured-field string) is a URL on an internal host.</summary>
    public static bool NamesInternalHost(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var start = value.IndexOf('"');
        while (start >= 0)
        {
            var end = start + 1;
            while (end < value.Length && value[end] != '"')
            {
                end += value[end] == '\\' ? 2 : 1;
            }

            // JSON may write "http:\/\/host"; unescaped, it is the URL the browser posts to.
            if (end <= value.Length && IsInternalUrl(value[(start + 1)..Math.Min(end, value.Length)].Replace(@"\/", "/", StringComparison.Ordinal)))
            {
                return true;
            }

            start = end + 1 < value.Length ? value.IndexOf('"', end + 1) : -1;
        }

        return false;
    }

    /// <summary>
    /// The policy without the <c>report-uri</c> / <c>report-to</c> directives that name an internal host, or null when
    /// none does. Only those go: the rest of the policy still protects the client, and without a report endpoint a
    /// browser still enforces it (it just reports nothing).
    /// </summary>
    public static string? WithoutInternalReportDirectives(string policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var directives = policy.Split(';');
        var kept = new List<string>(directives.Length);
        foreach (var directive in directives)
        {
            var tokens = directive.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            var report = tokens.Length > 0
                && (tokens[0].Equals("report-uri", StringComparison.OrdinalIgnoreCase) || tokens[0].Equals("report-to", StringComparison.OrdinalIgnoreCase));
            if (!(report && tokens.Skip(1).Any(IsInternalUrl)))
            {
                kept.Add(directive);
            }
        }

        return kept.Count == directives.Length ? null : string.Join(';', kept).Trim();
    }

    // report-to names a group ("csp-endpoint"), which is a relative reference to BrowserUrl: only a URL with a host counts.
    private static bool IsInternalUrl(string text) =>
        BrowserUrl.Read(text) is { Kind: UrlReferenceKind.Web, Uri: { } uri } && InternalHost.IsInternal(uri);
}
