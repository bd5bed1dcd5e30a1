using Gateway.Transforms.Extraction;

namespace Gateway.Proxy;

/// <summary>Whether an upstream's XML body is a SOAP (or XML-RPC) fault, read in its declared charset, and the status
/// it stands for.</summary>
internal static class SoapFaultBody
{
    /// <summary>400 for the sender's fault, 500 for any other; null when the body is no fault.</summary>
    public static int? Status(ReadOnlySpan<byte> body, string? contentType)
    {
        var transcoded = BodyDecoder.TranscodeToUtf8(body, MediaType.Parse(contentType).Charset);
        return SoapFault.Status(transcoded is null ? body : transcoded);
    }

    public static bool IsXml(string? mediaType) =>
        mediaType is not null && (mediaType.Equals("text/xml", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/xml", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+xml", StringComparison.OrdinalIgnoreCase));
}
