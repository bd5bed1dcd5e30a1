using System.Collections.Frozen;
using Gateway.Configuration;
using Gateway.Preconditions;
using Gateway.Proxy;
using Gateway.Transforms.Errors;

namespace Gateway.Tests.Gateway.Proxy;

/// <summary>The sum of buffered upstream bodies stays under <c>MaxBufferedBytes</c>; a body without room counts as over its bound.</summary>
public sealed class BufferBudgetTests
{
    private const int OneMiB = 1024 * 1024;

    [Fact]
    public async Task UpstreamBodyReader_WithRoom_ReadsWhole_AndGivesTheRoomBack()
    {
        var budget = Budget(OneMiB);
        var bytes = Body(200_000);

        using (var body = await UpstreamBodyReader.ReadAsync(new MemoryStream(bytes), null, OneMiB, budget, CancellationToken.None))
        {
            Assert.Equal(BodyReadResult.Complete, body.Result);
            Assert.Equal(bytes, body.Span.ToArray());
            Assert.True(budget.InUse >= bytes.Length);
        }

        Assert.Equal(0, budget.InUse);
    }

    [Fact]
    public async Task UpstreamBodyReader_BudgetTaken_StopsAsOverBound_KeepsThePrefix()
    {
        var budget = Budget(OneMiB);
        Assert.True(budget.TryReserve(OneMiB - 100_000)); // other requests hold most of it
        var bytes = Body(300_000);

        using (var body = await UpstreamBodyReader.ReadAsync(new MemoryStream(bytes), null, OneMiB, budget, CancellationToken.None))
        {
            Assert.Equal(BodyReadResult.OverBound, body.Result);
            Assert.True(body.Length < bytes.Length);
            Assert.Equal(bytes.AsSpan(0, body.Length).ToArray(), body.Span.ToArray());
            Assert.True(budget.InUse <= OneMiB);
        }

        budget.Release(OneMiB - 100_000);
        Assert.Equal(0, budget.InUse);
    }

    [Fact]
    public async Task UpstreamBodyReader_NoRoomAtAll_EmptyOverBound()
    {
        var budget = Budget(OneMiB);
        Assert.True(budget.TryReserve(OneMiB));

        using var body = await UpstreamBodyReader.ReadAsync(new MemoryStream(Body(10)), 10, OneMiB, budget, CancellationToken.None);

        Assert.Equal(BodyReadResult.OverBound, body.Result);
        Assert.Equal(0, body.Length);
        Assert.Equal(OneMiB, budget.InUse);
    }

    [Fact]
    public async Task UpstreamBodyReader_Cancelled_GivesTheRoomBack()
    {
        var budget = Budget(OneMiB);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await UpstreamBodyReader.ReadAsync(new MemoryStream(Body(1000)), null, OneMiB, budget, cancelled.Token));

        Assert.Equal(0, budget.InUse);
    }

    [Fact]
    public async Task BodyBuffer_BudgetTaken_Exceeded_AndReleasedOnDispose()
    {
        var budget = Budget(OneMiB);
        Assert.True(budget.TryReserve(OneMiB - 50_000));
        var bytes = Body(200_000);

        var body = await BodyBuffer.ReadAsync(new MemoryStream(bytes), OneMiB, null, budget, CancellationToken.None);
        Assert.True(body.Exceeded);
        Assert.Equal(bytes.AsSpan(0, body.Memory.Length).ToArray(), body.Memory.ToArray());
        body.Dispose();
        budget.Release(OneMiB - 50_000);

        Assert.Equal(0, budget.InUse);
        using var whole = await BodyBuffer.ReadAsync(new MemoryStream(bytes), OneMiB, null, budget, CancellationToken.None);
        Assert.False(whole.Exceeded);
        Assert.Equal(bytes, whole.Memory.ToArray());
    }

    [Fact]
    public void TryReserve_ManyThreads_NeverPassesTheLimit_AndBalances()
    {
        var budget = Budget(OneMiB);
        long peak = 0;
        Parallel.For(0, 20_000, i =>
        {
            var size = 1000 + (i % 50_000);
            if (budget.TryReserve(size))
            {
                var now = budget.InUse;
                InterlockedMax(ref peak, now);
                budget.Release(size);
            }
        });

        Assert.Equal(0, budget.InUse);
        Assert.InRange(peak, 1, OneMiB);
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long seen;
        while (value > (seen = Interlocked.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    private static byte[] Body(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        return bytes;
    }

    private static BufferBudget Budget(long limit) => new(new GatewaySnapshotAccessor
    {
        Current = new GatewaySnapshot
        {
            Generation = 1,
            Options = new GatewayOptions { MaxBufferedBytes = limit },
            DefaultPolicy = new RoutePolicy { Profile = ErrorProfile.EdFi },
            RoutePolicies = FrozenDictionary<string, RoutePolicy>.Empty,
            Routes = [],
            Clusters = [],
            StrippedHeaders = FrozenSet<string>.Empty,
        },
    });
}
