using System.Buffers;
using System.IO.Compression;

namespace Gateway.Transforms.Compression;

/// <summary>Brotli through the span-based <see cref="BrotliDecoder"/>: no stream, no copy of the input.</summary>
internal static class BrotliInflater
{
    public static bool TryInflate(ReadOnlySpan<byte> encoded, ref BoundedOutput output)
    {
        using var decoder = new BrotliDecoder();
        var source = encoded;
        while (true)
        {
            if (output.IsFull)
            {
                Span<byte> probe = stackalloc byte[1];
                var probeStatus = decoder.Decompress(source, probe, out _, out var probeWritten);
                if (probeStatus == OperationStatus.InvalidData)
                {
                    return false;
                }

                output.Truncated = probeWritten > 0 || probeStatus == OperationStatus.DestinationTooSmall;
                return true;
            }

            var status = decoder.Decompress(source, output.GetSpan(), out var consumed, out var written);
            source = source[consumed..];
            output.Advance(written);
            switch (status)
            {
                case OperationStatus.Done:
                    return true;
                case OperationStatus.DestinationTooSmall:
                    continue;
                default:
                    // InvalidData, or NeedMoreData with all input consumed: corrupt or cut short.
                    return false;
            }
        }
    }
}
