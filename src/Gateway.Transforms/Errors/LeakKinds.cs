namespace Gateway.Transforms.Errors;

/// <summary>
/// What an upstream body gave away, for the operator's log. Flags combine: a .NET yellow screen is typically
/// <see cref="DebugPage"/> | <see cref="StackTrace"/> | <see cref="ExceptionType"/> | <see cref="FilePath"/>.
/// </summary>
[Flags]
public enum LeakKinds
{
    /// <summary>Nothing found.</summary>
    None = 0,

    /// <summary>Stack frames or debug output of any runtime (Java, .NET, Python, Node, PHP, Ruby, Go), or exception-dump JSON fields.</summary>
    StackTrace = 1,

    /// <summary>Database or driver errors and SQL text that reveal schema: SQL Server, Oracle, PostgreSQL, MySQL, SQLite, ORMs.</summary>
    SqlError = 2,

    /// <summary>File-system paths: Unix paths under server roots, source files, Windows drive and UNC paths.</summary>
    FilePath = 4,

    /// <summary>Connection strings, database URIs, and credentials embedded in URLs.</summary>
    ConnectionString = 8,

    /// <summary>Private or loopback addresses and internal host names (<c>*.internal</c>, <c>*.local</c>, single-label URLs).</summary>
    InternalHost = 16,

    /// <summary>Exception type names (qualified or compound), runtime error codes and well-known runtime exception messages.</summary>
    ExceptionType = 32,

    /// <summary>A framework's developer error page (ASP.NET yellow screen, Django DEBUG, Werkzeug, Whoops, Rails, Tomcat report …).</summary>
    DebugPage = 64,
}
