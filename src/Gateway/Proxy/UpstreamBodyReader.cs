using System.Buffers;

namespace Gateway.Proxy;

/// <summary>Reads an upstream body into a pooled buffer, stopping just past the bound.</summary>
internal static class UpstreamBodyReader
{
    public static async ValueTask<BoundedBody> ReadAsync(Stream stream, long? declaredLength, int maxBytes, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(declaredLength ?? 16 * 1024, 256, maxBytes) + 1);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, maxBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0)
                {
                    return new BoundedBody(buffer, length, BodyReadResult.Complete);
                }

                length += read;
                if (length > maxBytes)
                {
                    return new BoundedBody(buffer, length, BodyReadResult.OverBound);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            // The upstream reset mid-body: what arrived is only a prefix.
            return new BoundedBody(buffer, length, BodyReadResult.Failed);
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

/// <summary>A pooled body prefix or whole body; dispose to return the buffer.</summary>
internal readonly struct BoundedBody(byte[] buffer, int length, BodyReadResult result) : IDisposable
{
    public static BoundedBody Empty(BodyReadResult result) => new(ArrayPool<byte>.Shared.Rent(1), 0, result);

    public int Length => length;

    public BodyReadResult Result => result;

    public ReadOnlySpan<byte> Span => buffer.AsSpan(0, length);

    public ReadOnlyMemory<byte> Memory => buffer.AsMemory(0, length);

    public void Dispose() => ArrayPool<byte>.Shared.Return(buffer);
}
