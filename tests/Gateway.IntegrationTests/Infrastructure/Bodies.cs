using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Gateway.IntegrationTests.Infrastructure;

/// <summary>Bodies a fake upstream answers with.</summary>
public static class Bodies
{
    /// <summary>A text body of any content type and status, as legacy backends send them.</summary>
    public static IResult Raw(int status, string contentType, string body) => Results.Text(body, contentType, Encoding.UTF8, status);

    public static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }
}
