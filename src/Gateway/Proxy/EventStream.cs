namespace Gateway.Proxy;

/// <summary>
/// Server-sent events (<c>text/event-stream</c>): a body that may never end and whose events must reach the client as
/// they come, so no step reads it whole (a derived ETag, a success-body check) or waits for its first bytes.
/// </summary>
internal static class EventStream
{
    public static bool Is(HttpContent content) =>
        string.Equals(content.Headers.ContentType?.MediaType, "text/event-stream", StringComparison.OrdinalIgnoreCase);
}
