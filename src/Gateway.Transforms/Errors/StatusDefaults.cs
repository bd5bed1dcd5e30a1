using System.Collections.Frozen;

namespace Gateway.Transforms.Errors;

/// <summary>Reason phrases, problem <c>type</c> links and generic client messages per status, as a table.</summary>
internal static class StatusDefaults
{
    private sealed record Entry(string Title, string TypeUri, string Message);

    // Type links follow ASP.NET Core's ProblemDetailsDefaults (RFC 9110 sections).
    private static readonly FrozenDictionary<int, Entry> s_entries = new Dictionary<int, Entry>
    {
        [400] = new("Bad Request", "https://tools.ietf.org/html/rfc9110#section-15.5.1", "The request is not valid."),
        [401] = new("Unauthorized", "https://tools.ietf.org/html/rfc9110#section-15.5.2", "Authentication is required to access this resource."),
        [403] = new("Forbidden", "https://tools.ietf.org/html/rfc9110#section-15.5.4", "You do not have permission to perform this action."),
        [404] = new("Not Found", "https://tools.ietf.org/html/rfc9110#section-15.5.5", "The requested resource was not found."),
        [405] = new("Method Not Allowed", "https://tools.ietf.org/html/rfc9110#section-15.5.6", "The request method is not supported for this resource."),
        [406] = new("Not Acceptable", "https://tools.ietf.org/html/rfc9110#section-15.5.7", "The requested representation is not available."),
        [408] = new("Request Timeout", "https://tools.ietf.org/html/rfc9110#section-15.5.9", "The request took too long to arrive."),
        [409] = new("Conflict", "https://tools.ietf.org/html/rfc9110#section-15.5.10", "The request conflicts with the current state of the resource."),
        [410] = new("Gone", "https://tools.ietf.org/html/rfc9110#section-15.5.11", "The requested resource is no longer available."),
        [411] = new("Length Required", "https://tools.ietf.org/html/rfc9110#section-15.5.12", "The request must declare its length."),
        [412] = new("Precondition Failed", "https://tools.ietf.org/html/rfc9110#section-15.5.13", "A precondition of the request was not met; the resource may have changed."),
        [413] = new("Content Too Large", "https://tools.ietf.org/html/rfc9110#section-15.5.14", "The request body is too large."),
        [414] = new("URI Too Long", "https://tools.ietf.org/html/rfc9110#section-15.5.15", "The request URI is too long."),
        [415] = new("Unsupported Media Type", "https://tools.ietf.org/html/rfc9110#section-15.5.16", "The request content type is not supported."),
        [422] = new("Unprocessable Entity", "https://tools.ietf.org/html/rfc9110#section-15.5.21", "The request contains values that are not valid."),
        [428] = new("Precondition Required", "https://tools.ietf.org/html/rfc6585#section-3", "The request must be conditional."),
        [429] = new("Too Many Requests", "https://tools.ietf.org/html/rfc6585#section-4", "Too many requests. Try again later."),
        [431] = new("Request Header Fields Too Large", "https://tools.ietf.org/html/rfc6585#section-5", "The request headers are too large."),
        [500] = new("Internal Server Error", "https://tools.ietf.org/html/rfc9110#section-15.6.1", "An unexpected error occurred."),
        [501] = new("Not Implemented", "https://tools.ietf.org/html/rfc9110#section-15.6.2", "The request is not supported."),
        [502] = new("Bad Gateway", "https://tools.ietf.org/html/rfc9110#section-15.6.3", "The upstream service failed to answer."),
        [503] = new("Service Unavailable", "https://tools.ietf.org/html/rfc9110#section-15.6.4", "The service is temporarily unavailable."),
        [504] = new("Gateway Timeout", "https://tools.ietf.org/html/rfc9110#section-15.6.5", "The upstream service did not answer in time."),
    }.ToFrozenDictionary();

    /// <summary>The reason phrase, e.g. "Not Found"; a class name for statuses not in the table.</summary>
    public static string Title(int status) =>
        s_entries.TryGetValue(status, out var e) ? e.Title : status switch
        {
            >= 500 => "Server Error",
            >= 400 => "Client Error",
            _ => "Status " + status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

    /// <summary>The RFC 9457 <c>type</c> URI for the status, or <c>about:blank</c>.</summary>
    public static string TypeUri(int status) => s_entries.TryGetValue(status, out var e) ? e.TypeUri : "about:blank";

    /// <summary>True for the statuses the table has its own texts for.</summary>
    public static bool IsKnown(int status) => s_entries.ContainsKey(status);

    /// <summary>A generic, client-safe message, used whenever the upstream's own message may not be shown.</summary>
    public static string GenericMessage(int status) =>
        s_entries.TryGetValue(status, out var e) ? e.Message : status >= 500 ? s_entries[500].Message : s_entries[400].Message;
}
