using System.Buffers;
using System.IO.Compression;

namespace Gateway.Transforms.Compression;

/// <summary>gzip and deflate through the framework's zlib streams, reading no further than the bound plus one byte.</summary>
internal static class StreamInflater
{
    public static bool TryInflate(ContentCoding coding, ReadOnlySpan<byte> encoded, ref BoundedOutput output)
    {
        // The streams need an array; one copy of the (small) compressed input is the price of not using unsafe code.
        var input = ArrayPool<byte>.Shared.Rent(encoded.Length);
        try
        {
            encoded.CopyTo(input);
            using var source = new MemoryStream(input, 0, encoded.Length, writable: false);
            using var inflater = Open(coding, source, encoded);
            while (true)
            {
                if (output.IsFull)
                {
                    Span<byte> probe = stackalloc byte[1];
                    output.Truncated = inflater.Read(probe) > 0;
                    return true;
                }

                var read = inflater.Read(output.GetSpan());
                if (read == 0)
                {
                    return true;
                }

                output.Advance(read);
            }
        }
        catch (InvalidDataException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(input);
        }
    }

    private static Stream Open(ContentCoding coding, Stream source, ReadOnlySpan<byte> encoded) =>
        coding == ContentCoding.Gzip ? new GZipStream(source, CompressionMode.Decompress)
        : IsZlib(encoded) ? new ZLibStream(source, CompressionMode.Decompress)
        : new DeflateStream(source, CompressionMode.Decompress);

    // RFC 9110 §8.4.1.2 says "deflate" is zlib (RFC 1950), but some servers send raw RFC 1951 data; the zlib header
    // (method 8, window <= 32K, header checksum divisible by 31) tells them apart.
    private static bool IsZlib(ReadOnlySpan<byte> data) =>
        data.Length >= 2 && (data[0] & 0x0F) == 8 && data[0] >> 4 <= 7 && ((data[0] << 8) | data[1]) % 31 == 0;
}
