using System.Collections.Concurrent;

namespace Bench.Soak;

/// <summary>What happened to the requests of one <see cref="SoakCase"/>; safe to update from every worker.</summary>
internal sealed class CaseTally(SoakCase soakCase)
{
    private const int KeptSamples = 5;

    private long _sent;
    private long _answered;
    private long _failed;
    private long _unexpected;
    private long _gateway5xx;
    private long _leaks;

    public SoakCase Case { get; } = soakCase;

    public ConcurrentDictionary<int, long> Statuses { get; } = new();

    /// <summary>A few examples of what went wrong (leak marker, unexpected status, exception), for the report.</summary>
    public ConcurrentQueue<string> Samples { get; } = new();

    public long Sent => Interlocked.Read(ref _sent);

    public long Answered => Interlocked.Read(ref _answered);

    public long Failed => Interlocked.Read(ref _failed);

    public long Unexpected => Interlocked.Read(ref _unexpected);

    /// <summary>5xx answers to requests whose upstream did not fail: the gateway's own.</summary>
    public long Gateway5xx => Interlocked.Read(ref _gateway5xx);

    public long Leaks => Interlocked.Read(ref _leaks);

    public void CountSent() => Interlocked.Increment(ref _sent);

    public void CountAnswer(int status, string? leak)
    {
        Interlocked.Increment(ref _answered);
        Statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
        if (!Case.Expected.Contains(status))
        {
            Interlocked.Increment(ref _unexpected);
            Keep($"status {status}");
        }

        if (status >= 500 && !Case.UpstreamFault)
        {
            Interlocked.Increment(ref _gateway5xx);
        }

        if (leak is not null)
        {
            Interlocked.Increment(ref _leaks);
            Keep($"{status} leak: {leak}");
        }
    }

    /// <summary>An answer with the expected status that still breaks the contract (e.g. a 429 without Retry-After).</summary>
    public void CountProblem(string problem)
    {
        Interlocked.Increment(ref _unexpected);
        Keep(problem);
    }

    public void CountFailure(Exception exception)
    {
        Interlocked.Increment(ref _failed);
        Keep($"{exception.GetType().Name}: {exception.Message}");
    }

    private void Keep(string sample)
    {
        if (Samples.Count < KeptSamples)
        {
            Samples.Enqueue(sample);
        }
    }
}
