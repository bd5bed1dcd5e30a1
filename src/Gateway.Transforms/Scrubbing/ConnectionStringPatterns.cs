using System.Buffers;
using System.Text.RegularExpressions;

namespace Gateway.Transforms.Scrubbing;

/// <summary>Connection strings (key=value; pairs), database URIs, and credentials in URLs.</summary>
internal static partial class ConnectionStringPatterns
{
    // Every alternative of Pattern contains at least one of these (compared ignoring case). A key=value; pair list
    // always contains one of the second-key names, so the first key needs no marker of its own.
    public static readonly string[] MarkerList =
    [
        "data source", "initial catalog", "user id", "integrated security", "trusted_connection", "persist security info",
        "multipleactiveresultsets", "attachdbfilename", "sslmode", "timeout", "application name", "failover partner",
        "trustservercertificate", "server", "host", "database", "uid", "pwd", "password", "passwd", "user", "port",
        "dsn", "driver", "provider", "accountkey", "sharedaccess", "endpointsprotocol", "://", "jdbc:",
    ];

    public static readonly SearchValues<string> Markers = SearchValues.Create(MarkerList, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(
        """
          \b(data[ ]source|initial[ ]catalog|user[ ]id|integrated[ ]security|trusted_connection|persist[ ]security[ ]info|multipleactiveresultsets|attachdbfilename|sslmode|connect(ion)?[ ]timeout|application[ ]name|failover[ ]partner|trustservercertificate)\s*=\s*[^\s;]
        | \b(server|host|hostname|database|db|uid|user|username|port|dsn|driver|provider|address|addr)\s*=\s*[^;\s]+\s*;\s*(server|host|database|uid|pwd|password|user[ ]id|user|username|port|initial[ ]catalog|data[ ]source|dsn|driver|provider|timeout|trusted_connection|integrated[ ]security|sslmode)\s*=
        | \b(password|pwd|passwd)=[^\s;&"'<>]+
        | \b(password|pwd)\s*=\s*[^\s;&"'<>]+\s*;
        | \b(accountkey|sharedaccesskey|sharedaccesskeyname|sharedaccesssignature|defaultendpointsprotocol)\s*=
        | \b(postgres|postgresql|mysql|mysqlx|mariadb|mongodb|mongodb\+srv|redis|rediss|amqp|amqps|mssql|sqlserver|oracle|couchdb|cassandra|neo4j|bolt|memcached|ldap|ldaps|nats|kafka|db2|cockroachdb|clickhouse|sqlite)://
        | \bjdbc:[a-z0-9]+:
        | \b[a-z][a-z0-9+.-]*://[^/\s:@"'<>]+:[^/\s@"'<>]+@                   # user:password@ in any URL
        """,
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace | RegexOptions.IgnoreCase)]
    public static partial Regex Pattern { get; }
}
