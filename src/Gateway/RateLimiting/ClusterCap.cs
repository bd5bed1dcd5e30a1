namespace Gateway.RateLimiting;

/// <summary>A cluster's concurrency cap and the status its refusals get.</summary>
internal sealed record ClusterCap(int MaxConcurrentRequests, int RejectionStatus);
