using System.Buffers;

namespace Gateway.Proxy;

/// <summary>Reads an upstream body into a pooled buffer, never more than the bound; a failed read counts as truncated.</summary>
internal static class UpstreamBodyReader
{
    public static async ValueTask<BoundedBody> ReadAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength is { } declared && declared > maxBytes)
        {
            return new BoundedBody(null, 0, truncated: true); // not read past the bound: not read at all
        }

        var initial = (int)Math.Min(content.Headers.ContentLength ?? 16 * 1024, maxBytes) + 1;
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(initial, 256));
        var length = 0;
        try
        {
            await using var stream = await content.ReadAsStreamAsync(cancellationToken);
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > maxBytes)
                    {
                        return new BoundedBody(buffer, maxBytes, truncated: true);
                    }

                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, maxBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, maxBytes + 1) - length), cancellationToken);
                if (read == 0)
                {
                    return new BoundedBody(buffer, length, truncated: false);
                }

                length += read;
                if (length > maxBytes)
                {
                    return new BoundedBody(buffer, maxBytes, truncated: true);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            // The upstream reset mid-body: what arrived is a prefix.
            return new BoundedBody(buffer, length, truncated: true);
        }
    }
}

/// <summary>A pooled, possibly truncated body; dispose to return the buffer.</summary>
internal readonly struct BoundedBody(byte[]? buffer, int length, bool truncated) : IDisposable
{
    public int Length => length;

    public bool Truncated => truncated;

    public ReadOnlySpan<byte> Span => buffer is null ? default : buffer.AsSpan(0, length);

    public ReadOnlyMemory<byte> Memory => buffer is null ? default : buffer.AsMemory(0, length);

    public void Dispose()
    {
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
