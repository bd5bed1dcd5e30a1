namespace Bench.Upstream;

/// <summary>One canned response: status, content type and body bytes, built once at startup.</summary>
internal sealed class PreparedResponse(int status, string contentType, byte[] body)
{
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
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(Body, context.RequestAborted).AsTask();
    }
}
