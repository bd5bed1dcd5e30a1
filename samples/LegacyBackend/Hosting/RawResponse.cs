namespace LegacyBackend.Hosting;

internal static class RawResponse
{
    /// <summary>Writes pre-built bytes with an explicit Content-Length (and optional Content-Encoding).</summary>
    public static async Task WriteAsync(
        HttpContext context, int statusCode, string contentType, byte[] body, string? contentEncoding = null)
    {
        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        if (contentEncoding is not null)
        {
            response.Headers.ContentEncoding = contentEncoding;
        }

        await response.Body.WriteAsync(body, context.RequestAborted);
    }
}
