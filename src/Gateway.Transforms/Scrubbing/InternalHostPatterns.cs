using System.Text.RegularExpressions;
using Gateway.Transforms.Errors;

namespace Gateway.Transforms.Scrubbing;

/// <summary>
/// Private, loopback, link-local and carrier-grade NAT (100.64.0.0/10, used inside clouds and overlays) addresses, internal DNS suffixes (Kubernetes and Consul names too),
/// <c>localhost:port</c>, services named with their database, broker or application-server port, AWS resource names,
/// URLs whose host has no dot (public hosts always have one), the names resolvers and HTTP clients report, and SQL
/// Server instances. Dotted quads must stand alone, so versions like 1.2.3 stay clean.
/// </summary>
internal static partial class InternalHostPatterns
{
    private const LeakKinds Kind = LeakKinds.InternalHost;
    private const RegexOptions Options = LeakRule.Options | RegexOptions.IgnoreCase;

    public static readonly LeakRule[] Rules =
    [
        new(Kind, ["10.", "127.", "192.168.", "172.", "169.254.", "100.", "0.0.0.0"], Ipv4),
        new(Kind, ["::1", "fc", "fd", "fe80:"], Ipv6, MarkerGuards.UniqueLocalAddress),
        new(Kind, [".internal", ".local", ".corp", ".lan", ".intra", ".home.arpa", "localhost", ".consul"], Names),
        new(Kind, [".svc"], KubernetesService),
        new(Kind, ["arn:aws"], AwsResourceName),
        new(Kind, [":1433", ":1521", ":3306", ":5432", ":5672", ":6379", ":9042", ":9092", ":9200", ":9300", ":11211",
            ":2181", ":27017", ":8500", ":15672", ":61616", ":5984", ":7687"], ServiceWithInfrastructurePort),
        new(Kind, [":8080", ":8000", ":8001", ":8081", ":8082", ":8088", ":8090", ":8181", ":8443", ":8888", ":3000",
            ":3001", ":4000", ":5000", ":5001", ":7001", ":8009", ":9000", ":9080", ":9090", ":9443"], ServiceWithApplicationPort),
        new(Kind, [".amazonaws.com", ".windows.net", ".azure.net", ".cloudapp.net"], CloudServiceHosts),
        new(Kind, ["ConnectionPool(host=", "resolve host", "name could not be resolved", "with authority '", "no such host",
            "\\SQLEXPRESS", "\\MSSQLSERVER", "(localdb)"], NameLookups),
        new(Kind, ["://"], SingleLabelUrl, MarkerGuards.SingleLabelHost),
        new(Kind, [",dc=", "LdapErr:", "system:serviceaccount:", "gserviceaccount.com", "Server at ", "/resourceGroups/",
            "projects/"], DirectoryNames),
    ];

    [GeneratedRegex(
        """
          (?<![\w.])(10|127)\.\d{1,3}\.\d{1,3}\.\d{1,3}(?=$|[^\w.]|\.($|\W))
        | (?<![\w.])(192\.168|172\.(1[6-9]|2\d|3[01])|169\.254|100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7]))\.\d{1,3}\.\d{1,3}(?=$|[^\w.]|\.($|\W))   # 100.64/10: carrier-grade NAT, inside clouds
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
        :(1433|1521|3306|5432|5672|6379|9042|9092|9200|9300|11211|2181|27017|8500|15672|61616|5984|7687)(?!\w|\.\w|:\d)   # a full stop may end the sentence
        (?<=(?<![\w.-])[a-z][a-z0-9_-]*:\d+)
        (?<!\b(id|sku|no|number|invoice|order|item|ref|ticket|code|page|line|room|course|account|customer|limit|max|timeout|port|size|count):\d+)
        """,
        Options)]
    private static partial Regex ServiceWithInfrastructurePort { get; }

    // The same for the ports application servers and dev servers listen on (legacy-sis:8080, app-backend-2:9000), where a
    // host is meant: after a word about connecting or serving on the same line ("could not connect to legacy-sis:8080",
    // "the server at app-backend-2:9000"), or as the whole text (a header value). Unlike a database port these are
    // ordinary numbers, so "course CS-101:8000 is full" and "timeout:3000" stay clean.
    [GeneratedRegex(
        """
        :(8080|8000|8001|8081|8082|8088|8090|8181|8443|8888|3000|3001|4000|5000|5001|7001|8009|9000|9080|9090|9443)(?!\w|\.\w|:\d)
        (?<=(?<![\w.-])[a-z][a-z0-9_-]*[a-z0-9_]:\d+)
        (?<!\b(limit|max|maximum|min|minimum|timeout|size|count|delay|retry|retries|port|page|offset|length|status|code|line|id|step|interval|ttl|wait|total|amount|value|version|year|time|rate|quota|number|top|skip|take|threshold|capacity|balance|price|cost|from|to):\d+)
        (?<=
            \b(connect\w*|refused|reach\w*|respond\w*|host|server|upstream|backend|proxy|endpoint|unreachable|dial|resolv\w*|timed[ ]out)\b[^\r\n]{0,80}:\d+
          | ^\s*[a-z][a-z0-9_-]*:\d+(?=\s*$))
        """,
        Options)]
    private static partial Regex ServiceWithApplicationPort { get; }

    // A cloud service's own host name names the backend's database, cache, bucket or vault (sis.abc.us-east-1.rds.amazonaws.com,
    // sisprod.blob.core.windows.net, sis-kv.vault.azure.net); Azure AD's sign-in and Graph hosts are public and stay clean.
    [GeneratedRegex(
        """
        \.(amazonaws\.com|windows\.net|azure\.net|cloudapp\.net)\b
        (?<=\b[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)*\.(amazonaws\.com|windows\.net|azure\.net|cloudapp\.net))
        (?<!(?<![\w.-])(login|graph|sts)\.windows\.net)
        (?<!(?<![\w.-])[a-z0-9-]{1,40}(\.[a-z]{2}(-gov)?-[a-z]+-\d)?\.amazonaws\.com(?!/\d{12}/))   # a service's public endpoint (sts.eu-west-1.amazonaws.com), unless an account's resource follows
        """,
        Options)]
    private static partial Regex CloudServiceHosts { get; }

    // Where a client or resolver says which name it could not reach: urllib3's HTTPConnectionPool(host='sis-core', …),
    // curl's "Could not resolve host: sis-core", .NET's "The remote name could not be resolved: 'sis-core'", Go's
    // "lookup sis-core: no such host" (single-label names: a public name that failed to resolve names no internal
    // host), and SQL Server instances (SISPROD\SQLEXPRESS, (localdb)\…).
    [GeneratedRegex(
        """
          ConnectionPool\(host=(?<=\bHTTPS?ConnectionPool\(host=)
        | \bresolve[ ]host:[ ]+['"]?[a-z0-9_-]+(?![\w.-])
        | \bname[ ]could[ ]not[ ]be[ ]resolved:[ ]+['"]?[a-z0-9_-]+(?![\w.-])        # .NET's WebException
        | \bwith[ ]authority[ ]'[a-z0-9_-]+(:\d+)?'                                 # .NET's TLS trust failure
        | :[ ]no[ ]such[ ]host(?<=\blookup[ ][a-z0-9_-]+([ ]on[ ][\d.:]+)?:[ ]no[ ]such[ ]host)
        | (\\|\\\\)(SQLEXPRESS|MSSQLSERVER)\b(?<=\b[a-z0-9][\w-]*(\\|\\\\)(SQLEXPRESS|MSSQLSERVER))
        | \(localdb\)
        """,
        Options)]
    private static partial Regex NameLookups { get; }

    [GeneratedRegex("""\b(https?|wss?|tcp|grpc|net\.tcp|ftp|smb|nfs)://[a-z0-9_-]+(:\d+)?($|[/"'\s<>)\]?\#])""", Options)]
    private static partial Regex SingleLabelUrl { get; }

    // Names from the backend's directories: an LDAP distinguished name (ou=Students,dc=sis,dc=corp), Active Directory's
    // error codes, Kubernetes and Google Cloud service accounts, and Apache's signature with a host name of one label
    // ("Server at sis-internal Port 8080"; a public name there is its ServerName and stays), and Azure resource ids and
    // Google Cloud resource names, which name the subscription or project and its resources.
    [GeneratedRegex(
        """
          \b(ou|OU|cn|CN|uid|UID)=[^,=\r\n]{1,128}(,\w{1,16}=[^,=\r\n]{1,128}){0,8},(dc|DC)=\w
        | LdapErr:[ ]DSID-
        | system:serviceaccount:
        | @[\w-]{1,63}\.iam\.gserviceaccount\.com\b
        | (?-i:\bServer[ ]at[ ][A-Za-z0-9-]{1,63}[ ]Port[ ]\d{1,5}\b)                     # Apache's own capitals
        | /subscriptions/[0-9a-f-]{36}/resourceGroups/
        | \bprojects/[a-z0-9][a-z0-9-]{4,62}/(topics|subscriptions|secrets|locations|instances|databases|datasets|buckets|zones|regions|serviceAccounts|jobs|queues|keyRings|repositories|snapshots|clusters)/
        """,
        Options)]
    private static partial Regex DirectoryNames { get; }
}
