namespace Gateway.Configuration;

/// <summary>Settings of one cluster: an entry of <c>Gateway:Clusters</c>, keyed by the YARP cluster id.</summary>
public sealed class ClusterOptions
{
    /// <summary>
    /// Most requests forwarded to the cluster at once by this replica; past it the gateway answers itself and the
    /// backend never sees the request. Default none.
    /// </summary>
    public int? MaxConcurrentRequests { get; set; }

    /// <summary>The status of a request refused by the cap: 503 (mapped by the profile, EdFi gives 500) or 429. Default 503.</summary>
    public int RejectionStatus { get; set; } = 503;

    /// <summary>Retries of failed upstream attempts; see <see cref="RetryOptions"/>. Default none.</summary>
    public RetryOptions? Retries { get; set; }

    /// <summary>
    /// Whether an idempotent bodiless request whose upstream connection was reset before any response byte
    /// (a keep-alive connection the backend closed as it was reused) is sent again at once. Default true.
    /// </summary>
    public bool RetryClosedConnections { get; set; } = true;
}
