namespace Gateway.Proxy.Retry;

/// <summary>Failures before response headers that a retry policy may retry.</summary>
[Flags]
internal enum RetryConditions
{
    None = 0,

    /// <summary>No connection could be made (refused, unreachable, name not resolved).</summary>
    ConnectFailure = 1,

    /// <summary>The connection failed or was reset after it was made, before response headers.</summary>
    Reset = 2,

    /// <summary>The cluster's activity timeout fired before response headers.</summary>
    Timeout = 4,

    /// <summary>
    /// The connection was reset before any response byte: the part of <see cref="Reset"/> that a stale keep-alive
    /// connection causes. A malformed response, or a clean close on a new connection, is not one.
    /// </summary>
    ClosedConnection = 8,
}
