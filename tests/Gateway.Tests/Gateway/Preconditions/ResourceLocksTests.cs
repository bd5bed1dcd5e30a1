using Gateway.Preconditions;

namespace Gateway.Tests.Gateway.Preconditions;

public sealed class ResourceLocksTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Acquire_SameKey_SecondWaitsUntilFirstReleased()
    {
        var locks = new ResourceLocks();
        var first = await locks.AcquireAsync("c /items/1", CancellationToken.None);

        var second = locks.AcquireAsync("c /items/1", CancellationToken.None);
        await Task.Yield();
        Assert.False(second.IsCompleted);

        first.Dispose();
        using var held = await second.WaitAsync(s_timeout);
        Assert.Equal(1, locks.Count);
    }

    [Fact]
    public async Task Acquire_DifferentKeys_Independent()
    {
        var locks = new ResourceLocks();
        using var a = await locks.AcquireAsync("c /items/1", CancellationToken.None);
        using var b = await locks.AcquireAsync("c /items/2", CancellationToken.None).WaitAsync(s_timeout);

        Assert.Equal(2, locks.Count);
    }

    [Fact]
    public async Task Release_LastHolder_EntryRemoved_DoubleDisposeHarmless()
    {
        var locks = new ResourceLocks();
        var held = await locks.AcquireAsync("k", CancellationToken.None);

        held.Dispose();
        held.Dispose();

        Assert.Equal(0, locks.Count);
        using var again = await locks.AcquireAsync("k", CancellationToken.None).WaitAsync(s_timeout);
    }

    [Fact]
    public async Task Acquire_CancelledWhileWaiting_Throws_AndLeavesNoTrace()
    {
        var locks = new ResourceLocks();
        var held = await locks.AcquireAsync("k", CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = locks.AcquireAsync("k", cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        held.Dispose();
        Assert.Equal(0, locks.Count);
    }

    [Fact]
    public async Task Acquire_ManyConcurrentWriters_NeverTwoInside()
    {
        var locks = new ResourceLocks();
        var inside = 0;
        var maxInside = 0;
        var tasks = Enumerable.Range(0, 50).Select(async _ =>
        {
            using var held = await locks.AcquireAsync("k", CancellationToken.None);
            var now = Interlocked.Increment(ref inside);
            InterlockedMax(ref maxInside, now);
            await Task.Delay(1);
            Interlocked.Decrement(ref inside);
        });

        await Task.WhenAll(tasks).WaitAsync(s_timeout);

        Assert.Equal(1, maxInside);
        Assert.Equal(0, locks.Count);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
