using System.Collections.Frozen;

namespace Gateway.Proxy.Retry;

/// <summary>The compiled retry settings of one cluster.</summary>
internal sealed record RetryPolicy(
    int MaxRetries,
    RetryConditions Conditions,
    FrozenSet<int> Statuses,
    FrozenSet<string> Methods,
    TimeSpan Backoff)
{
    public bool RetriesMethod(string method) => Methods.Contains(method);

    public bool RetriesStatus(int status) => Statuses.Contains(status);

    /// <summary>Exponential backoff (base × 2^(retry−1)) jittered down by up to half, so retries of many clients spread.</summary>
    public TimeSpan DelayBefore(int retry)
    {
        if (Backoff <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        var full = Backoff * Math.Pow(2, retry - 1);
        return full * (0.5 + (Random.Shared.NextDouble() / 2));
    }
}
