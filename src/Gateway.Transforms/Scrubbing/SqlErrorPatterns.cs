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
            "Cast to ", "prisma.", "constraint failed on the fields", "bad SQL grammar", "numeric or value error",
            "SQL0", "SQL1", "SQL2", "SQL3", "[IBM][CLI Driver]", "No operator matches the given name", "SQLite error",
            "mysql_", "mysqli_", "pg_", "oci_", "sqlsrv_", "odbc_"], DriverMessages),
        new(Kind, ["matching query does not exist", "field. Choices are", "get() returned", "with 'id'=", "with id=", "with 'id':", "bound to a Session",
            "transaction has been rolled back", "sqlalche.me", "Pool limit of size", "initialize proxy [", "detached entity passed",
            "deleted by another transaction", "unsaved transient", "did not return a unique", "resolve root entity",
            "HikariPool-", "expected to affect", "LINQ expression", "second operation was started on this", "primary key to be defined",
            "database provider", "Error parsing column", "materialization", "splitOn param", "notNull Violation",
            "acquiring a connection", "obtain a connection", "sql: ", "Ecto.", "Postgrex."], OrmMessages),
        new(Kind, ["has no column named", "readonly database", "Dynamic SQL Error", "KEY constraint \"", "lock conflict on no wait",
            "right truncation", "database engine", "ACE.OLEDB", "Jet.OLEDB", "(missing operator)", "duplicate values in the index",
            "SQL Anywhere Error", "SQL compilation error", "object not found:", "Table/View '", "slots are reserved for",
            "max_allowed_packet", "transaction log for database", "data type resulted in", "SQLCODE", "UNIQUE INDEX",
            "(Unique Index:", "connect to database server (", "does not exist", ".* from ", "is not in the database",
            "operation for file \"", "at [", "requires authentication", "association between entity types",
            "call this from an async"], MoreEngines),
        new(Kind, ["query:", "(as SQL type", "while decoding column", "waiting for an open connection", "sql: converting",
            "failingDocumentId", "BSONObj"], DriverInternals),
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
        | bad[ ]SQL[ ]grammar[ ]\[                                                 # Spring's BadSqlGrammarException
        | PL/SQL:[ ]numeric[ ]or[ ]value[ ]error                                   # Oracle
        | \bSQL[0-3]\d{3,4}N\b|\[IBM\]\[CLI[ ]Driver\]                                # DB2's message ids and driver
        | No[ ]operator[ ]matches[ ]the[ ]given[ ]name                             # PostgreSQL's hint
        | \bSQLite[ ]error:
        | \b(mysqli?|pg|oci|sqlsrv|odbc)_[a-z_]+\(\):                              # PHP's database functions
        """,
        LeakRule.Options | RegexOptions.IgnoreCase)]
    private static partial Regex DriverMessages { get; }

    // SQL in lower case, as ORMs write it (Laravel's "select * from `students` where …", an extension field "sql"), in
    // the shapes prose never takes: "select * from", "insert into t (…) values" or "… values", "delete from t where".
    [GeneratedRegex(
        """
          \bselect[ ]+(\*|count\(\*\))[ ]+from[ ]+[\w."`\[\]\\]                          # a backslash: JSON-escaped quotes
        | \binsert[ ]+into[ ]+[\w."`\[\]\\]+[ ]*(\([^()\r\n]{0,512}\)[ ]*(values|select)\b|values\b|select\b)   # not "insert into playlist (…)"
        | \bdelete[ ]+from[ ]+[\w."`\[\]\\]+[ ]+where\b
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

    // What ORMs and data-access libraries say, naming the model, its fields, the query or the pool: Django, Rails,
    // SQLAlchemy, Hibernate, HikariCP, Entity Framework Core, Dapper, Sequelize, Knex, Go's database/sql and Ecto.
    [GeneratedRegex(
        """
          matching[ ]query[ ]does[ ]not[ ]exist\b
        | into[ ]field\.[ ]Choices[ ]are\b
        | get\(\)[ ]returned[ ]more[ ]than[ ]one\b
        | Couldn't[ ]find[ ]([A-Z]\w{0,63}[ ]with[ ]('id'|id)=|all[ ][A-Z]\w{0,63}[ ]with[ ]'id':)    # Rails names the key "id"
        | is[ ]not[ ]bound[ ]to[ ]a[ ]Session\b
        | Session's[ ]transaction[ ]has[ ]been[ ]rolled[ ]back
        | \bsqlalche\.me/e/
        | QueuePool[ ]limit[ ]of[ ]size
        | could[ ]not[ ]initialize[ ]proxy[ ]\[
        | detached[ ]entity[ ]passed[ ]to[ ]persist
        | Row[ ]was[ ]updated[ ]or[ ]deleted[ ]by[ ]another[ ]transaction
        | unsaved[ ]transient[ ]instance
        | query[ ]did[ ]not[ ]return[ ]a[ ]unique[ ]result
        | Could[ ]not[ ]resolve[ ]root[ ]entity[ ]'
        | \bHikariPool-\d+[ ]-
        | operation[ ]expected[ ]to[ ]affect[ ]\d+[ ]row\(s\)
        | The[ ]LINQ[ ]expression[ ]'
        | A[ ]second[ ]operation[ ]was[ ]started[ ]on[ ]this[ ]context
        | requires[ ]a[ ]primary[ ]key[ ]to[ ]be[ ]defined
        | No[ ]database[ ]provider[ ]has[ ]been[ ]configured
        | Error[ ]parsing[ ]column[ ]\d+[ ]\(\w{1,64}=                                  # Dapper: (Grade=abc - String)
        | [ ]materialization\b(?<=\bfor[ ]\w{1,64}(\.\w{1,64}){1,16}[ ]materialization)       # a type: not "view materialization"
        | set[ ]the[ ]splitOn[ ]param
        | \bnotNull[ ]Violation:
        | Timeout[ ]acquiring[ ]a[ ]connection\.
        | could[ ]not[ ]obtain[ ]a[ ]connection[ ]from[ ]the[ ]pool
        | \bsql:[ ](Scan[ ]error[ ]on[ ]column|no[ ]rows[ ]in[ ]result[ ]set|Register[ ]called|database[ ]is[ ]closed|transaction[ ]has[ ]already)
        | \b(Ecto\.(Query|Changeset|Multi|Repo|Adapters|[A-Z]\w{0,31}Error)|Postgrex\.[A-Z])
        """,
        LeakRule.Options)]
    private static partial Regex OrmMessages { get; }

    // The engines the rules above do not name: SQLite, Firebird, Microsoft Jet/ACE (Access), SQL Anywhere, Informix, DB2's
    // SQLCODE, Snowflake, HSQLDB, Derby, BigQuery, MongoDB's authentication error, two more ORM messages; server settings (max_allowed_packet) and states (the transaction log, the
    // reserved connection slots); SQL Server's conversion message; PostgreSQL's unquoted "column s0.grade does not exist"
    // (as Ecto prints it); lower-case SQL with quoted aliases ('select "s".* from').
    [GeneratedRegex(
        """
          \btable[ ]\w{1,64}[ ]has[ ]no[ ]column[ ]named\b
        | attempt[ ]to[ ]write[ ]a[ ]readonly[ ]database
        | Dynamic[ ]SQL[ ]Error
        | violation[ ]of[ ](PRIMARY[ ]or[ ]UNIQUE|FOREIGN)[ ]KEY[ ]constraint[ ]"
        | lock[ ]conflict[ ]on[ ]no[ ]wait[ ]transaction
        | string[ ]right[ ]truncation
        | \b(JET|Jet)[ ](Database[ ]Engine|database[ ]engine)\b
        | Microsoft\.(ACE|Jet)\.OLEDB
        | Syntax[ ]error[ ]\(missing[ ]operator\)[ ]in[ ]query[ ]expression
        | duplicate[ ]values[ ]in[ ]the[ ]index,[ ]primary[ ]key,[ ]or[ ]relationship
        | SQL[ ]Anywhere[ ]Error
        | SQL[ ]compilation[ ]error:
        | user[ ]lacks[ ]privilege[ ]or[ ]object[ ]not[ ]found:
        | \bTable/View[ ]'[^'\r\n]{1,128}'[ ]does[ ]not[ ]exist
        | remaining[ ]connection[ ]slots[ ]are[ ]reserved
        | \bmax_allowed_packet\b
        | transaction[ ]log[ ]for[ ]database[ ]'
        | data[ ]type[ ]to[ ]a[ ]\w{1,32}[ ]data[ ]type[ ]resulted[ ]in
        | \bSQLCODE[ ]?[=:][ ]?-?\d+
        | duplicate[ ]value[ ]in[ ]a[ ]UNIQUE[ ]INDEX
        | \(Unique[ ]Index:
        | connect[ ]to[ ]database[ ]server[ ]\(
        | [ ]does[ ]not[ ]exist(?<=\bcolumn[ ][a-z_]\w{0,63}\.[a-z_]\w{0,63}[ ]does[ ]not[ ]exist)(?![ ]in[ ])
        | \.\*[ ]from[ ](?<=\bselect[ ]["`]?\w{1,64}["`]?\.\*[ ]from[ ])
        | specified[ ]table[ ]\(\w{1,64}\)[ ]is[ ]not[ ]in[ ]the[ ]database                 # Informix -206
        | I/O[ ]error[ ]during[ ]"\w{1,16}"[ ]operation[ ]for[ ]file[ ]"                      # Firebird
        | Unrecognized[ ]name:[ ]\w{1,128}[ ]at[ ]\[\d+:\d+\]                               # BigQuery
        | \bCommand[ ](find|insert|update|delete|aggregate|count|distinct|getMore|listCollections|listDatabases|listIndexes|createIndexes|drop|hello|isMaster|ping|buildInfo)[ ]requires[ ]authentication   # MongoDB
        | association[ ]between[ ]entity[ ]types[ ]'                                         # Entity Framework Core
        | cannot[ ]call[ ]this[ ]from[ ]an[ ]async[ ]context                                  # Django
        """,
        LeakRule.Options)]
    private static partial Regex MoreEngines { get; }

    // Ecto prints the query it ran ("in query:\n\nfrom s0 in Sis.Students.Student"), Rust's sqlx its column types and
    // pool, Go's database/sql the argument it could not convert, MongoDB the document that failed its schema.
    [GeneratedRegex(
        """
          in[ ]query:\s{1,8}from[ ]\w{1,64}[ ]in[ ][A-Z]
        | \(as[ ]SQL[ ]type[ ]`
        | error[ ]occurred[ ]while[ ]decoding[ ]column[ ]
        | pool[ ]timed[ ]out[ ]while[ ]waiting[ ]for[ ]an[ ]open[ ]connection
        | \bsql:[ ]converting[ ](argument|Exec)
        | \bfailingDocumentId\b
        | \bBSONObj[ ]size:
        """,
        LeakRule.Options)]
    private static partial Regex DriverInternals { get; }
}
