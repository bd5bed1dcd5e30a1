using System.Text.RegularExpressions;
using Gateway.Transforms.Errors;

namespace Gateway.Transforms.Scrubbing;

/// <summary>
/// Private, loopback and link-local addresses, internal DNS suffixes, <c>localhost:port</c>, and URLs whose host has
/// no dot (public hosts always have one). Dotted quads must stand alone, so versions like 1.2.3 stay clean.
/// </summary>
internal static partial class InternalHostPatterns
{
    private const LeakKinds Kind = LeakKinds.InternalHost;
    private const RegexOptions Options = LeakRule.Options | RegexOptions.IgnoreCase;

    public static readonly LeakRule[] Rules =
    [
        new(Kind, ["10.", "127.", "192.168.", "172.", "169.254.", "0.0.0.0"], Ipv4),
        new(Kind, ["::1", "fc", "fd", "fe80:"], Ipv6, MarkerGuards.UniqueLocalAddress),
        new(Kind, [".internal", ".local", ".corp", ".lan", ".intra", ".home.arpa", "localhost"], Names),
        new(Kind, ["://"], SingleLabelUrl, MarkerGuards.SingleLabelHost),
    ];

    [GeneratedRegex(
        """
          (?<![\w.])(10|127)\.\d{1,3}\.\d{1,3}\.\d{1,3}(?=$|[^\w.]|\.($|\W))
        | (?<![\w.])(192\.168|172\.(1[6-9]|2\d|3[01])|169\.254)\.\d{1,3}\.\d{1,3}(?=$|[^\w.]|\.($|\W))
        | (?<![\w.])0\.0\.0\.0(?=$|[^\w.])
        """,
        Options)]
    private static partial Regex Ipv4 { get; }

    [GeneratedRegex(
        """
          (?<![\w:])::1(?![\w:])
        | \bf[cd][0-9a-f]{2}:[0-9a-f]{0,4}:                                   # fc00::/7 unique local
        | \bfe80::?[0-9a-f]                                                   # link local
        """,
        Options)]
    private static partial Regex Ipv6 { get; }

    [GeneratedRegex(
        """
          \.(internal|local|localdomain|corp|lan|intranet|intra|home\.arpa)\b
          (?<=\b[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)*\.(internal|local|localdomain|corp|lan|intranet|intra|home\.arpa))   # the name before it
        | \blocalhost(:\d+|\.localdomain\b)|//localhost\b
        """,
        Options)]
    private static partial Regex Names { get; }

    [GeneratedRegex("""\b(https?|wss?|tcp|grpc|net\.tcp|ftp|smb|nfs)://[a-z0-9_-]+(:\d+)?($|[/"'\s<>)\]?\#])""", Options)]
    private static partial Regex SingleLabelUrl { get; }
}
