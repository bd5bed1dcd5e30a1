using System.Buffers;
using System.Text.RegularExpressions;

namespace Gateway.Transforms.Scrubbing;

/// <summary>
/// Private, loopback and link-local addresses, internal DNS suffixes, <c>localhost:port</c>, and URLs whose host has
/// no dot (public hosts always have one). Dotted quads must stand alone, so versions like 1.2.3 stay clean.
/// </summary>
internal static partial class InternalHostPatterns
{
    // Every alternative of Pattern contains at least one of these (compared ignoring case).
    public static readonly string[] MarkerList =
    [
        "10.", "127.", "192.168.", "172.", "169.254.", "0.0.0.0", "::1", "fc", "fd", "fe80:",
        ".internal", ".local", ".corp", ".lan", ".intra", ".home.arpa", "localhost", "://",
    ];

    public static readonly SearchValues<string> Markers = SearchValues.Create(MarkerList, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(
        """
          (^|[^\w.])(10|127)\.\d{1,3}\.\d{1,3}\.\d{1,3}($|[^\w.]|\.($|\W))
        | (^|[^\w.])(192\.168|172\.(1[6-9]|2\d|3[01])|169\.254)\.\d{1,3}\.\d{1,3}($|[^\w.]|\.($|\W))
        | (^|[^\w.])0\.0\.0\.0($|[^\w.])
        | (^|[^\w:])::1($|[^\w:])
        | \bf[cd][0-9a-f]{2}:[0-9a-f]{0,4}:                                   # fc00::/7 unique local
        | \bfe80::?[0-9a-f]                                                   # link local
        | \b[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)*\.(internal|local|localdomain|corp|lan|intranet|intra|home\.arpa)\b
        | \blocalhost(:\d+|\.localdomain\b)|//localhost\b
        | \b(https?|wss?|tcp|grpc|net\.tcp|ftp|smb|nfs)://[a-z0-9_-]+(:\d+)?($|[/"'\s<>)\]?\#])
        """,
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace | RegexOptions.IgnoreCase)]
    public static partial Regex Pattern { get; }
}
