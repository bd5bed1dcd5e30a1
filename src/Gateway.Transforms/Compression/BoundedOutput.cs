using System.Buffers;

namespace Gateway.Transforms.Compression;

/// <summary>A pooled output buffer that grows by doubling up to a hard bound.</summary>
internal struct BoundedOutput(int maxBytes, int initialSize)
{
    private readonly int _maxBytes = maxBytes;

    public byte[] Buffer { get; private set; } = ArrayPool<byte>.Shared.Rent(initialSize);

    public int Length { get; private set; }

    public bool Truncated { get; set; }

    /// <summary>Whether the bound is reached: the next byte, if any, means truncation.</summary>
    public readonly bool IsFull => Length >= _maxBytes;

    /// <summary>Free space to write into, grown if needed; empty only when <see cref="IsFull"/>.</summary>
    public Span<byte> GetSpan()
    {
        var limit = Math.Min(Buffer.Length, _maxBytes);
        if (Length == limit && limit < _maxBytes)
        {
            var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min(_maxBytes, 2L * Buffer.Length));
            Buffer.AsSpan(0, Length).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(Buffer);
            Buffer = bigger;
            limit = Math.Min(Buffer.Length, _maxBytes);
        }

        return Buffer.AsSpan(Length, limit - Length);
    }

    public void Advance(int count) => Length += count;

    public void Release()
    {
        ArrayPool<byte>.Shared.Return(Buffer);
        Buffer = [];
        Length = 0;
    }
}
