using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Gateway.RateLimiting;

/// <summary>
/// In-flight request counts per cluster. The cap is passed on each call rather than kept here, so a reload that
/// changes it applies at once and requests already in flight stay counted.
/// </summary>
internal sealed class ClusterConcurrencyGate
{
    private readonly ConcurrentDictionary<string, StrongBox<int>> _inFlight = new(StringComparer.OrdinalIgnoreCase);

    public bool TryEnter(string clusterId, int max)
    {
        var box = _inFlight.GetOrAdd(clusterId, static _ => new StrongBox<int>());
        while (true)
        {
            var current = Volatile.Read(ref box.Value);
            if (current >= max)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref box.Value, current + 1, current) == current)
            {
                return true;
            }
        }
    }

    public void Exit(string clusterId)
    {
        if (_inFlight.TryGetValue(clusterId, out var box))
        {
            Interlocked.Decrement(ref box.Value);
        }
    }

    public int InFlight(string clusterId) => _inFlight.TryGetValue(clusterId, out var box) ? Volatile.Read(ref box.Value) : 0;
}
