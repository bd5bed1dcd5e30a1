using System.Text.RegularExpressions;
using Gateway.Transforms.Errors;

namespace Gateway.Transforms.Scrubbing;

/// <summary>Connection strings (key=value; pairs), database URIs, and credentials in URLs.</summary>
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
    ];

    [GeneratedRegex(
        """
          \b(data[ ]source|initial[ ]catalog|user[ ]id|integrated[ ]security|trusted_connection|persist[ ]security[ ]info|multipleactiveresultsets|attachdbfilename|sslmode|connect(ion)?[ ]timeout|application[ ]name|failover[ ]partner|trustservercertificate)\s*=\s*[^\s;]
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
        | \b(password|pwd|passwd)=[^\s;&"'<>]
        | \b(password|pwd)(\s+=\s*|=\s+)[^\s;&"'<>]+\s*;                   # spaced: "pwd=x" is the line above
        """,
        Options)]
    private static partial Regex Pairs { get; }

    [GeneratedRegex(
        """
          (?<=\b(postgres|postgresql|mysql|mysqlx|mariadb|mongodb|mongodb\+srv|redis|rediss|amqp|amqps|mssql|sqlserver|oracle|couchdb|cassandra|neo4j|bolt|memcached|ldap|ldaps|nats|kafka|db2|cockroachdb|clickhouse|sqlite))://
        | \bjdbc:[a-z0-9]+:
        | (?<=\b[a-z][a-z0-9+.-]*)://[^/\s:@"'<>]+:[^/\s@"'<>]+@           # user:password@ in any URL
        """,
        Options)]
    private static partial Regex Uris { get; }
}
