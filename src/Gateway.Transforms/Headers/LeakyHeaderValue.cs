using System.Collections.Frozen;
using Gateway.Transforms.Errors;
using Gateway.Transforms.Scrubbing;

namespace Gateway.Transforms.Headers;

/// <summary>
/// Whether a response header that no list names still gives something away in its value: backends put exception
/// messages, SQL errors, source paths and node addresses in headers of their own (<c>X-Error: ORA-00942 …</c>,
/// <c>X-Node: 10.0.3.17:8080</c>, Symfony's <c>X-Debug-Exception-File</c>). Such a header is removed, like a leaky body.
/// </summary>
/// <remarks>Most standard headers are not judged here: the gateway rewrites the ones that name upstream places
/// (<c>Location</c>, <c>Refresh</c>, <c>Set-Cookie</c>, <c>Via</c>, a CSP's report directives), and the rest have defined syntax and meaning
/// for the client (a CORS header echoes the client's own origin, which may well be an intranet host). Free-text ones are:
/// <c>Server-Timing</c> descriptions and <c>Warning</c> texts are where backends print their database host and query,
/// and report endpoints (<c>Report-To</c>, <c>Reporting-Endpoints</c>, <c>NEL</c>) are judged by the hosts they name.</remarks>
public static class LeakyHeaderValue
{
    private static readonly FrozenSet<string> s_standard = new[]
    {
        "Accept-Patch", "Accept-Post", "Accept-Ranges", "Access-Control-Allow-Credentials", "Access-Control-Allow-Headers",
        "Access-Control-Allow-Methods", "Access-Control-Allow-Origin", "Access-Control-Expose-Headers",
        "Access-Control-Max-Age", "Age", "Allow", "Alt-Svc", "Cache-Control", "Connection", "Content-Digest",
        "Content-Disposition", "Content-Encoding", "Content-Language", "Content-Length", "Content-Location",
        "Content-Range", "Content-Security-Policy", "Content-Security-Policy-Report-Only", "Content-Type",
        "Cross-Origin-Embedder-Policy", "Cross-Origin-Opener-Policy", "Cross-Origin-Resource-Policy", "Date", "ETag",
        "Expires", "Keep-Alive", "Last-Modified", "Link", "Location", "Permissions-Policy", "Pragma",
        "Preference-Applied", "RateLimit", "Refresh", "RateLimit-Limit", "RateLimit-Policy", "RateLimit-Remaining",
        "RateLimit-Reset", "Referrer-Policy", "Repr-Digest", "Retry-After",
        "Set-Cookie", "Strict-Transport-Security", "Timing-Allow-Origin", "Trailer", "Transfer-Encoding", "Upgrade", "Vary",
        "Via", "X-Content-Type-Options", "X-Frame-Options", "X-XSS-Protection", "X-Correlation-Id",
        "X-Request-Id", "traceparent", "tracestate",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the header is one whose value this class judges (not a standard header).</summary>
    public static bool IsJudged(string name) => !s_standard.Contains(name);

    /// <summary>What the value of the named header gives away: <see cref="Scan(string?)"/>, and for report endpoint
    /// headers a URL on an internal host.</summary>
    public static LeakKinds Scan(string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(name);
        var leaks = Scan(value);
        return value is not null && ReportingHeaders.IsEndpointList(name) && ReportingHeaders.NamesInternalHost(value)
            ? leaks | LeakKinds.InternalHost
            : leaks;
    }

    /// <summary>What the value gives away; percent-encoded text (Symfony encodes its exception headers) is decoded first.</summary>
    public static LeakKinds Scan(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return LeakKinds.None;
        }

        var leaks = LeakScanner.Scan(value);
        if (leaks == LeakKinds.None && value.Contains('%', StringComparison.Ordinal))
        {
            leaks = LeakScanner.Scan(Uri.UnescapeDataString(value.Replace('+', ' ')));
        }

        return leaks;
    }
}
