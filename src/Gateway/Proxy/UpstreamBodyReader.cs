using System.Buffers;

namespace Gateway.Proxy;

/// <summary>Reads an upstream body into a pooled buffer, stopping just past the bound.</summary>
internal static class UpstreamBodyReader
{
    public static ValueTask<BoundedBody> ReadAsync(
        Stream stream, long? declaredLength, int maxBytes, BufferBudget budget, CancellationToken cancellationToken) =>
        ReadAsync(stream, declaredLength, maxBytes, budget, cancellationToken, cancellationToken);

    /// <summary>The same, with a deadline: when <paramref name="deadline"/> is cancelled but
    /// <paramref name="cancellationToken"/> is not, what arrived is returned as <see cref="BodyReadResult.Failed"/>.</summary>
    public static async ValueTask<BoundedBody> ReadAsync(
        Stream stream, long? declaredLength, int maxBytes, BufferBudget budget, CancellationToken deadline, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(declaredLength ?? 16 * 1024, 256, maxBytes) + 1);
        if (!budget.TryReserve(buffer.Length))
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return BoundedBody.Empty(BodyReadResult.OverBound); // no room now: as if over the bound
        }

        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, maxBytes + 1));
                    if (!budget.TryReserve(larger.Length))
                    {
                        ArrayPool<byte>.Shared.Return(larger);
                        return new BoundedBody(buffer, length, BodyReadResult.OverBound, budget);
                    }

                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    budget.Release(buffer.Length);
                    buffer = larger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(length), deadline);
                if (read == 0)
                {
                    return new BoundedBody(buffer, length, BodyReadResult.Complete, budget);
                }

                length += read;
                if (length > maxBytes)
                {
                    return new BoundedBody(buffer, length, BodyReadResult.OverBound, budget);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException
            || (ex is OperationCanceledException && deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested))
        {
            // The upstream reset or stalled mid-body: what arrived is only a prefix.
            return new BoundedBody(buffer, length, BodyReadResult.Failed, budget);
        }
        catch
        {
            new BoundedBody(buffer, 0, BodyReadResult.Failed, budget).Dispose(); // cancelled: give the room back
            throw;
        }
    }
}

/// <summary>How a bounded read ended.</summary>
internal enum BodyReadResult
{
    /// <summary>The whole body is in the buffer.</summary>
    Complete,

    /// <summary>The bound was passed: the buffer holds a prefix; the rest is still in the stream.</summary>
    OverBound,

    /// <summary>The upstream failed mid-body: the buffer holds what arrived.</summary>
    Failed,
}

/// <summary>A pooled body prefix or whole body; dispose to return the buffer and its room in the budget.</summary>
internal readonly struct BoundedBody(byte[] buffer, int length, BodyReadResult result, BufferBudget? budget) : IDisposable
{
    public static BoundedBody Empty(BodyReadResult result) => new([], 0, result, null);

    public int Length => length;

    public BodyReadResult Result => result;

    public ReadOnlySpan<byte> Span => buffer.AsSpan(0, length);

    public ReadOnlyMemory<byte> Memory => buffer.AsMemory(0, length);

    public void Dispose()
    {
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            budget?.Release(buffer.Length);
        }
    }
}
