using System.IO.Compression;
using System.Text;

namespace LegacyBackend.Samples;

/// <summary>A yellow screen gzip-compressed once, for the gateway's "error body is encoded" path.</summary>
internal static class GzipPayload
{
    public static readonly byte[] YellowScreen = Compress(AspNetErrors.SqlTimeout);

    private static byte[] Compress(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }
}
