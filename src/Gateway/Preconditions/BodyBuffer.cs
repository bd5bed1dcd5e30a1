using System.Buffers;
using Gateway.Proxy;

namespace Gateway.Preconditions;

/// <summary>
/// A body read into a pooled buffer up to a bound; past the bound it is marked as exceeded. So is a body that
/// finds no more room in the process's <see cref="BufferBudget"/>.
/// </summary>
internal sealed class BodyBuffer : IDisposable
{
    private const int InitialSize = 16 * 1024;
    private readonly BufferBudget _budget;
    private byte[] _buffer = [];
    private int _length;

    private BodyBuffer(BufferBudget budget) => _budget = budget;

    /// <summary>The bytes read (the first <c>maxBytes + 1</c> at most).</summary>
    public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(0, _length);

    /// <summary>True when the body is longer than the bound (or got no room); <see cref="Memory"/> then holds only its start.</summary>
    public bool Exceeded { get; private set; }

    /// <summary>Reads until the end of <paramref name="stream"/> or one byte past <paramref name="maxBytes"/>.</summary>
    public static async Task<BodyBuffer> ReadAsync(Stream stream, int maxBytes, long? declaredLength, BufferBudget budget, CancellationToken cancellationToken)
    {
        var limit = maxBytes + 1;
        var initial = declaredLength is { } declared && declared < limit ? (int)declared + 1 : Math.Min(InitialSize, limit);
        var body = new BodyBuffer(budget);
        try
        {
            if (!body.TryGrow(initial))
            {
                body.Exceeded = true;
                return body;
            }

            while (body._length < limit)
            {
                if (body._length == body._buffer.Length && !body.TryGrow(Math.Min(limit, body._buffer.Length * 2)))
                {
                    body.Exceeded = true;
                    return body;
                }

                var room = Math.Min(body._buffer.Length, limit) - body._length;
                var read = await stream.ReadAsync(body._buffer.AsMemory(body._length, room), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                body._length += read;
            }

            body.Exceeded = body._length > maxBytes;
            return body;
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _length = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            _budget.Release(buffer.Length);
        }
    }

    private bool TryGrow(int size)
    {
        var bigger = ArrayPool<byte>.Shared.Rent(size);
        if (!_budget.TryReserve(bigger.Length))
        {
            ArrayPool<byte>.Shared.Return(bigger);
            return false;
        }

        _buffer.AsSpan(0, _length).CopyTo(bigger);
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _budget.Release(_buffer.Length);
        }

        _buffer = bigger;
        return true;
    }
}
