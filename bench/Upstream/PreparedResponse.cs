using System.Globalization;

namespace Bench.Upstream;

/// <summary>One canned response: status, content type and body bytes, built once at startup.</summary>
/// <remarks>With <paramref name="stampAt"/>, 16 hex digits at that offset become a counter: every response differs, like
/// error pages that carry a request id or a time.</remarks>
internal sealed class PreparedResponse(int status, string contentType, byte[] body, int stampAt = -1)
{
    private long _stamp;

    public int Status { get; } = status;

    public string ContentType { get; } = contentType;

    public byte[] Body { get; } = body;

    public Task WriteAsync(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = Status;
        response.ContentType = ContentType;
        response.ContentLength = Body.Length;
        // What an IIS-hosted legacy service sends on every response; the gateway strips these.
        response.Headers["X-Powered-By"] = "ASP.NET";
        response.Headers["X-AspNet-Version"] = "4.0.30319";
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(Stamped(), context.RequestAborted).AsTask();
    }

    private byte[] Stamped()
    {
        if (stampAt < 0)
        {
            return Body;
        }

        var copy = (byte[])Body.Clone();
        Interlocked.Increment(ref _stamp).TryFormat(copy.AsSpan(stampAt, 16), out _, "x16", CultureInfo.InvariantCulture);
        return copy;
    }
}
