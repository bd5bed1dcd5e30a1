namespace Gateway.Proxy;

/// <summary>What the upstream was asked, which may differ from the client's method (a HEAD sent as GET).</summary>
internal static class UpstreamMethod
{
    /// <summary>Whether the upstream answered a HEAD: its <c>Content-Length</c> then describes a body it did not send.</summary>
    public static bool AnsweredHead(HttpContext httpContext, HttpResponseMessage upstream) =>
        upstream.RequestMessage is { } request ? request.Method == HttpMethod.Head : HttpMethods.IsHead(httpContext.Request.Method);
}
