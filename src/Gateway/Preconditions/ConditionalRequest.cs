using Gateway.Transforms.Preconditions;
using Microsoft.Net.Http.Headers;

namespace Gateway.Preconditions;

/// <summary>Reads a request's precondition fields for the pure evaluator.</summary>
internal static class ConditionalRequest
{
    /// <summary>The four precondition fields (several field lines joined with commas), null when absent.</summary>
    public static ConditionalHeaders Read(HttpRequest request)
    {
        var headers = request.Headers;
        return new ConditionalHeaders(
            ValueOrNull(headers.IfMatch),
            ValueOrNull(headers.IfNoneMatch),
            ValueOrNull(headers.IfModifiedSince),
            ValueOrNull(headers.IfUnmodifiedSince));
    }

    /// <summary>
    /// The update methods: checked before forwarding whether or not they carry preconditions (serialized, and refused
    /// without If-Match where the route requires it).
    /// </summary>
    public static bool IsUpdate(string method) => HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);

    /// <summary>
    /// A method that is not safe (RFC 9110 §9.2.1): POST, the update methods and any other (e.g. WebDAV's LOCK). Its
    /// preconditions guard a state change, so the gateway checks them before forwarding, like an update's.
    /// </summary>
    public static bool IsUnsafe(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));

    /// <summary>True when a field that guards a state change is present; reads no values (the unconditional POST path).</summary>
    public static bool HasUnsafeMethodConditions(IHeaderDictionary headers) =>
        headers.ContainsKey(HeaderNames.IfMatch) || headers.ContainsKey(HeaderNames.IfNoneMatch) || headers.ContainsKey(HeaderNames.IfUnmodifiedSince);

    /// <summary>The entity tag of a response field value, or null when absent or malformed.</summary>
    public static EntityTag? ParseETag(string? value) => EntityTagComparer.TryParse(value, out var tag) ? tag : null;

    /// <summary>A <c>Last-Modified</c> value, or null when absent or not an HTTP-date.</summary>
    public static DateTimeOffset? ParseDate(string? value) => HttpDate.TryParse(value, out var date) ? date : null;

    /// <summary>Request fields removed from requests whose preconditions the gateway evaluates itself.</summary>
    public static readonly string[] ConditionalFields =
        [HeaderNames.IfMatch, HeaderNames.IfNoneMatch, HeaderNames.IfModifiedSince, HeaderNames.IfUnmodifiedSince];

    /// <summary>
    /// Range fields, removed from GET/HEAD on routes whose tag the gateway derives: it evaluates the preconditions on
    /// the full representation and sends that whole (RFC 9110 §13.2.2 puts preconditions before Range; §14.2 lets a
    /// server ignore Range). Forwarded, they would get a 206 the gateway neither checks nor tags.
    /// </summary>
    public static readonly string[] RangeFields = [HeaderNames.Range, HeaderNames.IfRange];

    private static string? ValueOrNull(Microsoft.Extensions.Primitives.StringValues values) =>
        values.Count == 0 ? null : values.ToString();
}
