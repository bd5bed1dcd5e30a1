using System.Text.RegularExpressions;
using Gateway.Transforms.Errors;

namespace Gateway.Transforms.Scrubbing;

/// <summary>
/// Private, loopback and link-local addresses, internal DNS suffixes (Kubernetes and Consul names too),
/// <c>localhost:port</c>, services named with their database or broker port, AWS resource names, and URLs whose host
/// has no dot (public hosts always have one). Dotted quads must stand alone, so versions like 1.2.3 stay clean.
/// </summary>
internal static partial class InternalHostPatterns
{
    private const LeakKinds Kind = LeakKinds.InternalHost;
    private const RegexOptions Options = LeakRule.Options | RegexOptions.IgnoreCase;

    public static readonly LeakRule[] Rules =
    [
        new(Kind, ["10.", "127.", "192.168.", "172.", "169.254.", "0.0.0.0"], Ipv4),
        new(Kind, ["::1", "fc", "fd", "fe80:"], Ipv6, MarkerGuards.UniqueLocalAddress),
        new(Kind, [".internal", ".local", ".corp", ".lan", ".intra", ".home.arpa", "localhost", ".consul"], Names),
        new(Kind, [".svc"], KubernetesService),
        new(Kind, ["arn:aws"], AwsResourceName),
        new(Kind, [":1433", ":1521", ":3306", ":5432", ":5672", ":6379", ":9042", ":9092", ":9200", ":9300", ":11211",
            ":2181", ":27017", ":8500", ":15672", ":61616", ":5984"], ServiceWithInfrastructurePort),
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
          \.(internal|local|localdomain|corp|lan|intranet|intra|home\.arpa|consul)\b
          (?<=\b[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)*\.(internal|local|localdomain|corp|lan|intranet|intra|home\.arpa|consul))   # the name before it
        | \blocalhost(:\d+|\.localdomain\b)|//localhost\b
        """,
        Options)]
    private static partial Regex Names { get; }

    // A Kubernetes service by its cluster DNS name, service.namespace.svc (.cluster.local is found above). A WCF endpoint
    // file (/StudentService.svc) has one label and follows a single slash: not a host.
    [GeneratedRegex(
        """
        \.svc\b(?!-)
        (?<=(?<![\w.-]|(?<!/)/)[a-z0-9][a-z0-9-]*\.[a-z0-9][a-z0-9-]*\.svc)
        """,
        Options)]
    private static partial Regex KubernetesService { get; }

    // An AWS resource name: the account, region and resource behind the service (arn:aws:s3:::sis-prod-exports).
    [GeneratedRegex("""\barn:aws(-[a-z]+)*:[a-z0-9-]+:""", Options)]
    private static partial Regex AwsResourceName { get; }

    // A container or compose service named with its database, broker or cache port (redis:6379, mongo:27017,
    // sis-db:1433): how drivers report where they failed to connect. Dotted public names are not flagged here.
    [GeneratedRegex(
        """
        :(1433|1521|3306|5432|5672|6379|9042|9092|9200|9300|11211|2181|27017|8500|15672|61616|5984)(?![\w.]|:\d)
        (?<=(?<![\w.-])[a-z][a-z0-9_-]*:\d+)
        """,
        Options)]
    private static partial Regex ServiceWithInfrastructurePort { get; }

    [GeneratedRegex("""\b(https?|wss?|tcp|grpc|net\.tcp|ftp|smb|nfs)://[a-z0-9_-]+(:\d+)?($|[/"'\s<>)\]?\#])""", Options)]
    private static partial Regex SingleLabelUrl { get; }
}
