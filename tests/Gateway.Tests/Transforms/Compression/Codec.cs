using System.IO.Compression;

namespace Gateway.Tests.Transforms.Compression;

/// <summary>Test-side encoders, so decoder tests and the corpus share one way to compress.</summary>
public static class Codec
{
    public static byte[] Encode(string coding, ReadOnlySpan<byte> data, CompressionLevel level = CompressionLevel.Fastest)
    {
        using var output = new MemoryStream();
        using (var stream = Open(coding, output, level))
        {
            stream.Write(data);
        }

        return output.ToArray();
    }

    public static Stream Open(string coding, Stream output, CompressionLevel level = CompressionLevel.Fastest) => coding switch
    {
        "gzip" => new GZipStream(output, level, leaveOpen: true),
        "deflate" => new ZLibStream(output, level, leaveOpen: true),
        "deflate-raw" => new DeflateStream(output, level, leaveOpen: true),
        "br" => new BrotliStream(output, level, leaveOpen: true),
        _ => throw new ArgumentOutOfRangeException(nameof(coding), coding, "unknown test coding"),
    };
}
