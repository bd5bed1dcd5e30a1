using System.Text.RegularExpressions;
using Gateway.Transforms.Errors;

namespace Gateway.Transforms.Scrubbing;

/// <summary>Connection strings (key=value; pairs), database URIs, credentials in URLs, and well-known secret formats.</summary>
internal static partial class ConnectionStringPatterns
{
    private const LeakKinds Kind = LeakKinds.ConnectionString;
    private const RegexOptions Options = LeakRule.Options | RegexOptions.IgnoreCase;

    public static readonly LeakRule[] Rules =
    [
        new(Kind, ["data source", "initial catalog", "user id", "integrated security", "trusted_connection",
            "persist security info", "multipleactiveresultsets", "attachdbfilename", "sslmode", "timeout",
            "application name", "failover partner", "trustservercertificate", "accountkey", "sharedaccess",
            "endpointsprotocol"], Keywords, MarkerGuards.Assignment),

        // A key=value; list always contains one of the second-key names, so the first key needs no marker of its own.
        new(Kind, ["server", "host", "database", "uid", "pwd", "password", "passwd", "user", "port", "dsn", "driver",
            "provider", "timeout", "catalog", "data source", "trusted_connection", "security", "sslmode"], Pairs, MarkerGuards.Assignment),
        new(Kind, ["://", "jdbc:"], Uris, MarkerGuards.DatabaseUri),
        new(Kind, ["AKIA", "ASIA", "PRIVATE KEY-----", "sk_live_", "rk_live_", "xoxb-", "xoxp-", "xoxa-", "xoxs-", "ghp_",
            "gho_", "ghs_", "ghu_", "ghr_", "github_pat_", "AIza", "_HOST=", "_USER=", "_DSN="], Secrets),
        new(Kind, ["sk_test_", "rk_test_", "api_key=", "apikey=", "api-key=", "client_secret=", "access_token=", "auth_token=",
            "secret=", "secret_key=", "secret_access_key="], Keys),
    ];

    // The backend's own keys in a URL it called or a setting it echoes (api_key=…, client_secret=…), and Stripe test
    // keys. Not the client's own credentials (a JWT or bearer token echoed back tells the client nothing new) nor a
    // pre-signed link: custom response headers are judged by the same rules, and some carry exactly those on purpose.
    [GeneratedRegex(
        """
          \b[rs]k_test_[0-9A-Za-z]{10,}
        | (?<![a-z0-9])(api[_-]?key|client_secret|access_token|auth_token|secret|secret_key|secret_access_key)=(?!(YOUR|MY)_|<|\{|\$\{|[xX*]{4})[^\s&;,'"<>]{8,}   # not a placeholder
        """,
        Options)]
    private static partial Regex Keys { get; }

    // Credentials of the backend's own that a dump or an echoed config shows: AWS access key ids, PEM private keys, and
    // the token formats of Stripe, Slack, GitHub and Google, whose prefixes make them unmistakable; and a dump of its
    // environment, which names its hosts and accounts (SIS_DB_USER=sis_app): upper case only, as environments are
    // written ("max_user=5" in a query string is not one). A *_URL= is left to the URI rule: "_url" ends many JSON
    // field names, and the anchor would wake on each.
    [GeneratedRegex(
        """
          \b(AKIA|ASIA)[0-9A-Z]{16}\b
        | PRIVATE[ ]KEY-----(?<=-----BEGIN[ ]([A-Z0-9]+[ ]){0,3}PRIVATE[ ]KEY-----)
        | \b[rs]k_live_[0-9A-Za-z]{10,}
        | \bxox[abps]-[0-9A-Za-z-]{10,}
        | \bgh[pousr]_[0-9A-Za-z]{30,}
        | \bgithub_pat_[0-9A-Za-z_]{20,}
        | \bAIza[0-9A-Za-z_-]{35}
        | _(HOST|USER|DSN)=[^\s;&"'<>](?<=\b[A-Z][A-Z0-9]*(_[A-Z0-9]+)*_(HOST|USER|DSN)=.)
        """,
        LeakRule.Options)]
    private static partial Regex Secrets { get; }

    [GeneratedRegex(
        """
          \b(data[ ]source|initial[ ]catalog|integrated[ ]security|trusted_connection|persist[ ]security[ ]info|multipleactiveresultsets|attachdbfilename|sslmode|application[ ]name|failover[ ]partner|trustservercertificate)\s*=\s*[^\s;]
        | \b(user[ ]id|connect(ion)?[ ]timeout)\s*=\s*[^\s;]+\s*;                        # alone they are prose: "user id = 4821"
        | \b(accountkey|sharedaccesskey|sharedaccesskeyname|sharedaccesssignature|defaultendpointsprotocol)\s*=
        """,
        Options)]
    private static partial Regex Keywords { get; }

    // The list is found from its ';' and read backwards to the first key: read forwards from every "host=",
    // "host=host=host=…" would cost the square of its length.
    [GeneratedRegex(
        """
          ;(?<=\b(server|host|hostname|database|db|uid|user|username|port|dsn|driver|provider|address|addr)\s*=\s*(\{[^}\r\n]*\}|[^;\s]+)\s*;)
          \s*(server|host|database|uid|pwd|password|user[ ]id|user|username|port|initial[ ]catalog|data[ ]source|dsn|driver|provider|timeout|trusted_connection|integrated[ ]security|sslmode)\s*=
        | (?<![a-z0-9])(password|pwd|passwd)=[^\s;&"'<>]                  # DB_PASSWORD=x too
        | \b(password|pwd)(\s+=\s*|=\s+)[^\s;&"'<>]+\s*;                   # spaced: "pwd=x" is the line above
        """,
        Options)]
    private static partial Regex Pairs { get; }

    [GeneratedRegex(
        """
          (?<=\b(postgres|postgresql|mysql|mysqlx|mariadb|mongodb|mongodb\+srv|redis|rediss|amqp|amqps|mssql|sqlserver|oracle|couchdb|cassandra|neo4j|bolt|memcached|ldap|ldaps|nats|kafka|db2|cockroachdb|clickhouse|sqlite))://(?=[\w\[%/@-])   # a scheme alone is no address
        | \bjdbc:[a-z0-9]+:(//)?[\w@\[]
        | (?<=\b[a-z][a-z0-9+.-]*)://[^/\s:@"'<>]+:[^/\s@"'<>]+@           # user:password@ in any URL
        """,
        Options)]
    private static partial Regex Uris { get; }
}
