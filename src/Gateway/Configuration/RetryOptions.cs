namespace Gateway.Configuration;

/// <summary>
/// Retries of one cluster (<c>Gateway:Clusters:&lt;id&gt;:Retries</c>), like Envoy's <c>retry_policy</c> and NGINX's
/// <c>proxy_next_upstream</c>. Absent: no retries. A request is retried only when its method is listed (idempotent
/// methods only), it has no body, and no byte of the response has gone to the client.
/// </summary>
public sealed class RetryOptions
{
    /// <summary>Retries after the first attempt. Default 1; 1 to 5.</summary>
    public int MaxRetries { get; set; } = 1;

    /// <summary>
    /// What is retried: <c>ConnectFailure</c> (no connection was made), <c>Reset</c> (the connection failed or was
    /// reset before response headers), <c>ClosedConnection</c> (the part of <c>Reset</c> where the connection was
    /// reset before any response byte), <c>Timeout</c> (the cluster's <c>ActivityTimeout</c> fired before response
    /// headers; not the route's <c>Timeout</c>) and <c>Status&lt;code&gt;</c> for an upstream 5xx, e.g. <c>Status503</c>.
    /// Default <c>ConnectFailure</c>, <c>Reset</c>, <c>Status502</c>, <c>Status503</c>, <c>Status504</c>.
    /// <c>ClosedConnection</c> is added unless the cluster sets <c>RetryClosedConnections</c> to false.
    /// </summary>
    public List<string> On { get; set; } = [];

    /// <summary>Methods retried; only idempotent ones are accepted. Default <c>GET</c>, <c>HEAD</c>, <c>OPTIONS</c>.</summary>
    public List<string> Methods { get; set; } = [];

    /// <summary>
    /// Wait before the first retry, in milliseconds; it doubles for each later one and is jittered down by up to
    /// half. Default 25; 0 to 10000.
    /// </summary>
    public int BackoffMilliseconds { get; set; } = 25;
}
