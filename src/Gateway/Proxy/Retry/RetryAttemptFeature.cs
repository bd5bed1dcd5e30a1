namespace Gateway.Proxy.Retry;

/// <summary>
/// Set on a request that may be retried: lets the response gate discard a retryable upstream status before any
/// transform writes to the client.
/// </summary>
internal sealed class RetryAttemptFeature(RetryPolicy policy)
{
    public RetryPolicy Policy { get; } = policy;

    /// <summary>Retries still allowed after the attempt in progress.</summary>
    public int RetriesLeft { get; set; } = policy.MaxRetries;

    /// <summary>The upstream status the gate discarded in the attempt just made, or null.</summary>
    public int? DiscardedStatus { get; private set; }

    /// <summary>Claims the response for a retry when its status is retryable and a retry is left.</summary>
    public bool TryDiscard(int status)
    {
        if (RetriesLeft <= 0 || !Policy.RetriesStatus(status))
        {
            return false;
        }

        DiscardedStatus = status;
        return true;
    }

    public void StartNextAttempt()
    {
        DiscardedStatus = null;
        RetriesLeft--;
    }
}
