using Gateway.Errors;
using Gateway.Middleware;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Gateway.Kestrel;

/// <summary>
/// Refuses requests whose framing is ambiguous or over the body limit before anything is forwarded. Kestrel frames
/// a request with both Content-Length and Transfer-Encoding as chunked (RFC 9112 §6.3), but an intermediary must not
/// pass such a message on, and RFC 9112 §6.1 lets a server reject it; the answer closes the connection, so nothing
/// pipelined behind it is read. A declared Content-Length over the limit is refused before YARP opens the upstream
/// request (Kestrel alone would only fail once the body is read, with the upstream already called).
/// </summary>
internal sealed partial class RequestFramingGuardMiddleware(RequestDelegate next, ErrorResponseWriter writer, ILogger<RequestFramingGuardMiddleware> logger)
{
    private static readonly KeyValuePair<string, StringValues>[] s_close = [new(HeaderNames.Connection, "close")];

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var headers = request.Headers;
        if (headers.TryGetValue(HeaderNames.TransferEncoding, out var transferEncoding)
            && (headers.ContainsKey(HeaderNames.ContentLength) || !IsSingleChunked(transferEncoding)))
        {
            return RefuseAsync(context, StatusCodes.Status400BadRequest, "The request's length is declared ambiguously.");
        }

        if (request.ContentLength is { } length
            && context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize is { } max && length > max)
        {
            return RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, message: null);
        }

        return next(context);
    }

    // Exactly one coding, chunked: Kestrel already refuses a request whose last coding is not chunked; "chunked"
    // twice, or another coding before it, is not something a legacy upstream should have to decode either.
    private static bool IsSingleChunked(StringValues values) =>
        values.Count == 1 && values[0] is { } value && value.Trim().Equals("chunked", StringComparison.OrdinalIgnoreCase);

    private Task RefuseAsync(HttpContext context, int status, string? message)
    {
        Log.Refused(logger, status);
        context.Features.GetRequiredFeature<GatewayRequestFeature>().Changes |= GatewayChanges.RequestRejected;
        return writer.WriteAsync(context, status, message, s_close);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Request refused before forwarding ({StatusCode}): ambiguous framing or body over the limit")]
        public static partial void Refused(ILogger logger, int statusCode);
    }
}
