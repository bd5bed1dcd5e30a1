using Gateway.Errors;
using Gateway.Middleware;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy.Forwarder;

namespace Gateway.Kestrel;

/// <summary>
/// Refuses requests whose framing is ambiguous or over the body limit before anything is forwarded. Kestrel frames
/// a request with both Content-Length and Transfer-Encoding as chunked (RFC 9112 §6.3) and moves the Content-Length
/// value to <c>X-Content-Length</c>; an intermediary must not pass such a message on, and RFC 9112 §6.1 lets a server
/// reject it. The answer closes the connection, so nothing pipelined behind it is read. A declared Content-Length
/// over the limit is refused before YARP opens the upstream request (Kestrel alone would only fail once the body is
/// read, with the upstream already called). A body Kestrel finds broken while it streams (bad chunking, too slow)
/// also closes the connection: its answer says so.
/// </summary>
internal sealed partial class RequestFramingGuardMiddleware(RequestDelegate next, ErrorResponseWriter writer, ILogger<RequestFramingGuardMiddleware> logger)
{
    // Where Kestrel puts the Content-Length of a request that also had Transfer-Encoding.
    private const string MovedContentLength = "X-Content-Length";

    private static readonly KeyValuePair<string, StringValues>[] s_close = [new(HeaderNames.Connection, "close")];

    // Kestrel closes the connection after a body it could not read (bad chunking, over the limit, too slow); the
    // answer should say so. YARP reports such a body as the client's fault.
    private static readonly Func<object, Task> s_closeAfterBadBody = static state =>
    {
        var context = (HttpContext)state;
        if (context.Features.Get<IBadRequestExceptionFeature>()?.Error is not null
            || context.Features.Get<IForwarderErrorFeature>()?.Error == ForwarderError.RequestBodyClient)
        {
            context.Response.Headers.Connection = "close";
        }

        return Task.CompletedTask;
    };

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var headers = request.Headers;
        if (headers.TryGetValue(HeaderNames.TransferEncoding, out var transferEncoding)
            && (headers.ContainsKey(HeaderNames.ContentLength) || headers.ContainsKey(MovedContentLength) || !IsSingleChunked(transferEncoding)))
        {
            return RefuseAsync(context, StatusCodes.Status400BadRequest, "The request's length is declared ambiguously.");
        }

        if (request.ContentLength is { } length
            && context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize is { } max && length > max)
        {
            return RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, message: null);
        }

        if (transferEncoding.Count > 0 || request.ContentLength > 0)
        {
            context.Response.OnStarting(s_closeAfterBadBody, context);
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
