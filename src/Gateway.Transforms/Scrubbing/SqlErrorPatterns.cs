using System.Text.RegularExpressions;
using Gateway.Transforms.Errors;

namespace Gateway.Transforms.Scrubbing;

/// <summary>Database and driver errors that reveal schema or infrastructure, and SQL text itself.</summary>
internal static partial class SqlErrorPatterns
{
    private const LeakKinds Kind = LeakKinds.SqlError;

    public static readonly LeakRule[] Rules =
    [
        new(Kind, [", Level ", "Invalid object name", "Invalid column name", "Incorrect syntax near", "Unclosed quotation",
            "Conversion failed", "conflicted with the", "Violation of ", "Cannot insert ", "would be truncated",
            "connection to SQL Server", "Login failed for user", "deadlocked", "Arithmetic overflow", "multi-part identifier",
            "SqlException", "SqlClient", "SqlCommand", "SqlConnection", "SqlDataReader", "DbUpdateException",
            "EntityCommandExecution", "][ODBC", "ODBC Driver", "OLE DB provider"], SqlServer),
        new(Kind, ["ORA-", "PLS-", "TNS-", "TNS:", "OracleException"], Oracle),
        new(Kind, ["sqlstate", "sql_state", "ERROR:", "\" does not exist", "42P01:", "42703:", "42601:", "42883:", "23505:",
            "23503:", "23502:", "23514:", "40P01:", "40001:", "53300:", "57014:", "22P02:", "PSQLException", "Postgres",
            "Npgsql", "postgresql", "PG::", "psycopg", "asyncpg", "pq: ", "violates ", "syntax error at", ")=("], Postgres),
        new(Kind, ["SQL syntax", "ER_", "doesn't exist", "Unknown column", "Duplicate entry", "child row", "parent row",
            "MySql", "PDOException", "mysqli", "Mysql2::", "com.mysql", "Lock wait timeout", "Deadlock found", "SQLITE_",
            "sqlite3.", "liteException", "liteError", "no such table", "no such column", "constraint failed",
            "\": syntax error"], MySqlSqlite),
        new(Kind, ["jdbc", "SQLException", "SQLSyntaxErrorException", "SQLGrammarException", "SQLIntegrityConstraint",
            "BatchUpdateException", "hibernate", "SQL [", "Sequelize", "QueryFailedError", "PrismaClient", "E11000", "Mongo"], Drivers),
        new(Kind, ["Access denied for user", "MySQL server", "password authentication failed", "redis server",
            "No connection is available to service", "PoolableConnectionFactory", "Communications link failure",
            "ConnectionString property", "connection from the pool", "underlying provider failed", "requested by the login",
            "MySQL hosts"], Connections),
        new(Kind, ["SELECT ", "INSERT ", "UPDATE ", "DELETE "], Statements),
        new(Kind, ["select * from", "select count(", "insert into", "delete from"], LowerCaseStatements),
        new(Kind, ["dbo.", "].["], SchemaQualifiedName),
        new(Kind, ["for column '", "could not serialize access", "current transaction is aborted", "timeout period elapsed",
            "Cast to ", "prisma.", "constraint failed on the fields"], DriverMessages),
    ];

    // A driver that could not reach or log in to its database or cache names the account, the host or the product.
    [GeneratedRegex(
        """
          Access[ ]denied[ ]for[ ]user[ ]'[^'\r\n]{0,64}'@'
        | Unknown[ ]MySQL[ ]server[ ]host|Can't[ ]connect[ ]to[ ](local[ ])?MySQL[ ]server|to[ ]connect[ ]to[ ]this[ ]MySQL[ ]server
        | MySQL[ ]server[ ]has[ ]gone[ ]away
        | password[ ]authentication[ ]failed[ ]for[ ]user[ ]
        | connect[ ]to[ ]the[ ]redis[ ]server
        | No[ ]connection[ ]is[ ]available[ ]to[ ]service[ ]this[ ]operation
        | \bPoolableConnectionFactory\b
        | Communications[ ]link[ ]failure
        | ConnectionString[ ]property[ ]has[ ]not[ ]been[ ]initialized                 # ADO.NET and Entity Framework
        | prior[ ]to[ ]obtaining[ ]a[ ]connection[ ]from[ ]the[ ]pool
        | underlying[ ]provider[ ]failed[ ]on
        | requested[ ]by[ ]the[ ]login
        | any[ ]of[ ]the[ ]specified[ ]MySQL[ ]hosts
        """,
        LeakRule.Options | RegexOptions.IgnoreCase)]
    private static partial Regex Connections { get; }

    // SQL Server's schema-qualified names name the schema and table: "[dbo].[Students]", "dbo.Students".
    [GeneratedRegex(
        """
          \[\w+\]\.\[\w+\]
        | \bdbo\.\[?\w
        """,
        LeakRule.Options | RegexOptions.IgnoreCase)]
    private static partial Regex SchemaQualifiedName { get; }

    [GeneratedRegex(
        """
          \bMsg[ ]\d+,[ ]Level[ ]\d+,[ ]State[ ]\d+
        | Invalid[ ](object|column)[ ]name[ ]'
        | Incorrect[ ]syntax[ ]near\b
        | Unclosed[ ]quotation[ ]mark
        | Conversion[ ]failed[ ]when[ ]converting
        | statement[ ]conflicted[ ]with[ ]the[ ]
        | Violation[ ]of[ ](PRIMARY|UNIQUE)[ ]KEY[ ]constraint
        | Cannot[ ]insert[ ](duplicate[ ]key|the[ ]value[ ]NULL|explicit[ ]value[ ]for[ ]identity)
        | String[ ]or[ ]binary[ ]data[ ]would[ ]be[ ]truncated
        | establishing[ ]a[ ]connection[ ]to[ ]SQL[ ]Server
        | Login[ ]failed[ ]for[ ]user[ ]'
        | was[ ]deadlocked[ ]on
        | Arithmetic[ ]overflow[ ]error
        | The[ ]multi-part[ ]identifier[ ]"
        | \b(SqlException|SqlClient|SqlCommand|SqlConnection|SqlDataReader|DbUpdateException|EntityCommandExecutionException)\b
        | \]\[ODBC|\bODBC[ ]Driver\b|\bOLE[ ]DB[ ][Pp]rovider\b
        """,
        LeakRule.Options)]
    private static partial Regex SqlServer { get; }

    [GeneratedRegex("""\b(ORA|PLS|TNS)-\d{5}\b|\bTNS:|\bOracleException\b""", LeakRule.Options)]
    private static partial Regex Oracle { get; }

    [GeneratedRegex(
        """
          \b[Ss][Qq][Ll]_?[Ss][Tt][Aa][Tt][Ee]\b
        | \bERROR:\s+(relation|column|table|function|operator|schema|database|role|syntax[ ]error|duplicate[ ]key|insert[ ]or[ ]update|update[ ]or[ ]delete|null[ ]value|permission[ ]denied|value[ ]too[ ]long|invalid[ ]input[ ]syntax|division[ ]by[ ]zero|current[ ]transaction|deadlock|could[ ]not)
        | \b(relation|column|table|function|schema|sequence|type|database|role)[ ]"[^"\r\n]+"[ ]does[ ]not[ ]exist
        | \b(42P01|42703|42601|42883|23505|23503|23502|23514|40P01|40001|53300|57014|22P02):[ ]
        | \b(PSQLException|PostgresException|NpgsqlException|Npgsql)\b|\borg\.postgresql\b|\bPG::[A-Z]|\bpsycopg2?\b|\basyncpg\b|\bpq:[ ]
        | violates[ ](foreign[ ]key|unique|not-null|check|exclusion)[ ]constraint
        | syntax[ ]error[ ]at[ ](or[ ]near|end[ ]of[ ]input)
        | \bKey[ ]\([^()\r\n]+\)=\(
        """,
        LeakRule.Options)]
    private static partial Regex Postgres { get; }

    [GeneratedRegex(
        """
          You[ ]have[ ]an[ ]error[ ]in[ ]your[ ]SQL[ ]syntax
        | \bER_[A-Z][A-Z0-9_]{2,}\b
        | Table[ ]'[^'\r\n]+'[ ]doesn't[ ]exist
        | Unknown[ ]column[ ]'[^'\r\n]+'[ ]in[ ]'
        | Duplicate[ ]entry[ ]'[^'\r\n]*'[ ]for[ ]key
        | Cannot[ ](add[ ]or[ ]update[ ]a[ ]child|delete[ ]or[ ]update[ ]a[ ]parent)[ ]row
        | \b(MySqlException|MySqlConnector|PDOException|mysqli_sql_exception)\b|\bMysql2::|\bcom\.mysql\b|\bMySql\.Data\b
        | Lock[ ]wait[ ]timeout[ ]exceeded|Deadlock[ ]found[ ]when[ ]trying
        | \bSQLITE_[A-Z]+\b|\bsqlite3\.|\bS[Qq][Ll]ite(Exception|Error)\b
        | \bno[ ]such[ ](table|column):
        | \b(UNIQUE|NOT[ ]NULL|FOREIGN[ ]KEY|CHECK|PRIMARY[ ]KEY)[ ]constraint[ ]failed\b
        | near[ ]"[^"\r\n]*":[ ]syntax[ ]error
        """,
        LeakRule.Options)]
    private static partial Regex MySqlSqlite { get; }

    [GeneratedRegex(
        """
          \b(jdbc|JDBC)\b|\b(SQLException|SQLSyntaxErrorException|SQLGrammarException|SQLIntegrityConstraintViolationException|BatchUpdateException)\b|\borg\.hibernate\b
        | \bSQL[ ]\[[^\]\r\n]{0,1000}\]                                      # Spring's "SQL [select …]"; bounded (within the
                                                                             # scan's reach): unbounded, each "SQL [" re-read its line
        | \bSequelize[A-Za-z]*Error\b|\bQueryFailedError\b|\bPrismaClient[A-Za-z]*Error\b|\bE11000[ ]duplicate[ ]key|\bMongo(Server|Write|Bulk)?(Error|Exception)\b
        """,
        LeakRule.Options)]
    private static partial Regex Drivers { get; }

    // Driver and ORM messages found by probing, in a rule of their own: an alternative added to the rules above widens
    // the characters their searches start at, and a 1 KiB Java trace that wakes the PostgreSQL rule took 30 % longer.
    [GeneratedRegex(
        """
          (too[ ]long|range[ ]value|truncated|value:[ ]'[^'\r\n]{0,64}')[ ]for[ ]column[ ]'[^'\r\n]{1,64}'[ ]at[ ]row[ ]\d+   # MySQL
        | could[ ]not[ ]serialize[ ]access[ ]due[ ]to                                  # PostgreSQL
        | current[ ]transaction[ ]is[ ]aborted,[ ]commands[ ]ignored
        | timeout[ ]period[ ]elapsed[ ]prior[ ]to[ ](completion|obtaining)              # ADO.NET's command and pool timeouts
        | \bCast[ ]to[ ]\w+[ ]failed[ ]for[ ]value[ ]                                 # Mongoose: names the path and the model
        | \bprisma\.\w+\.\w+\(                                                   # Prisma: "Invalid `prisma.student.create()` invocation"
        | Unique[ ]constraint[ ]failed[ ]on[ ]the[ ]fields                         # Prisma P2002: names the columns
        """,
        LeakRule.Options | RegexOptions.IgnoreCase)]
    private static partial Regex DriverMessages { get; }

    // SQL in lower case, as ORMs write it (Laravel's "select * from `students` where …", an extension field "sql"), in
    // the shapes prose never takes: "select * from", "insert into t (…" or "… values", "delete from t where".
    [GeneratedRegex(
        """
          \bselect[ ]+(\*|count\(\*\))[ ]+from[ ]+[\w."`\[\]\\]                          # a backslash: JSON-escaped quotes
        | \binsert[ ]+into[ ]+[\w."`\[\]\\]+[ ]*(\(|values\b|select\b)
        | \bdelete[ ]+from[ ]+[\w."`\[\]\\]+[ ]*(\bwhere\b|;|$)
        """,
        LeakRule.Options | RegexOptions.IgnoreCase)]
    private static partial Regex LowerCaseStatements { get; }

    // SQL text in upper case, as drivers and ORMs echo it; "Select a course" in prose stays clean. Non-backtracking:
    // a backtracking engine would read the rest of the line after every SELECT looking for its FROM.
    [GeneratedRegex(
        """
          \bSELECT[ ]+[\w*,.\[\]"`(][^\r\n]*[ ]FROM[ ]+[\w.\[\]"`]+
        | \bINSERT[ ]+INTO[ ]+[\w.\[\]"`]+
        | \bUPDATE[ ]+[\w.\[\]"`]+[ ]+SET[ ]+[\w\[\]"`]+[ ]*=
        | \bDELETE[ ]+FROM[ ]+[\w.\[\]"`]+
        """,
        LeakRule.NonBacktrackingOptions)]
    private static partial Regex Statements { get; }
}
