using System.Buffers;
using System.Net.Http.Headers;
using Gateway.Transforms.Compression;

namespace Gateway.Proxy;

/// <summary>A body decoded to its identity representation (gzip, deflate, br undone), bounded; pooled.</summary>
internal readonly struct IdentityBody : IDisposable
{
    private readonly byte[]? _decoded;
    private readonly ReadOnlyMemory<byte> _original;
    private readonly int _length;

    private IdentityBody(byte[]? decoded, ReadOnlyMemory<byte> original, int length, bool ok, bool truncated)
    {
        _decoded = decoded;
        _original = original;
        _length = length;
        IsDecoded = ok;
        Truncated = truncated;
    }

    /// <summary>False for an unknown coding or corrupt data: then <see cref="Span"/> is empty and nothing in it can be trusted.</summary>
    public bool IsDecoded { get; }

    public bool Truncated { get; }

    public bool WasEncoded => _decoded is not null;

    public ReadOnlySpan<byte> Span => _decoded is not null ? _decoded.AsSpan(0, _length) : IsDecoded ? _original.Span : default;

    public static IdentityBody Decode(HttpContentHeaders headers, ReadOnlyMemory<byte> body, int maxBytes)
    {
        if (headers.ContentEncoding.Count == 0)
        {
            return new IdentityBody(null, body, body.Length, ok: true, truncated: false);
        }

        var coding = string.Join(',', headers.ContentEncoding);
        return ContentDecoder.TryDecode(coding, body.Span, maxBytes, out var decoded, out var length, out var truncated)
            ? new IdentityBody(decoded, body, length, ok: true, truncated)
            : new IdentityBody(null, body, 0, ok: false, truncated: true);
    }

    public void Dispose()
    {
        if (_decoded is not null)
        {
            ArrayPool<byte>.Shared.Return(_decoded);
        }
    }
}
