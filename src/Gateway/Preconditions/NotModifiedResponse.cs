using Microsoft.Net.Http.Headers;

namespace Gateway.Preconditions;

/// <summary>Turns a 200 about to be sent into a 304 (RFC 9110 §15.4.5).</summary>
internal static class NotModifiedResponse
{
    // Representation metadata a 304 should not carry; ETag, Cache-Control, Content-Location, Date, Expires and
    // Vary stay, as do fields that are not about the representation (CORS, correlation id, cookies).
    private static readonly string[] s_removed =
    [
        HeaderNames.ContentType, HeaderNames.ContentLength, HeaderNames.ContentEncoding, HeaderNames.ContentLanguage,
        HeaderNames.ContentRange, HeaderNames.ContentMD5, HeaderNames.TransferEncoding,
    ];

    public static void Apply(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status304NotModified;
        var headers = response.Headers;
        foreach (var name in s_removed)
        {
            headers.Remove(name);
        }

        // Last-Modified only guides cache updates when there is no ETag (§15.4.5).
        if (headers.ContainsKey(HeaderNames.ETag))
        {
            headers.Remove(HeaderNames.LastModified);
        }
    }
}
