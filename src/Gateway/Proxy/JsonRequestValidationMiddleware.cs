using System.Buffers;
using Gateway.Configuration;
using Gateway.Errors;
using Gateway.Middleware;
using Gateway.Transforms.Compression;
using Gateway.Transforms.Requests;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy.Model;

namespace Gateway.Proxy;

/// <summary>
/// Proxy-pipeline step for routes with <c>ValidateJsonRequestBody</c>: a malformed JSON body gets 400 with the
/// payload and is never forwarded. A well-formed one is forwarded from the buffer, with its length set; a compressed one
/// is checked decoded and forwarded compressed.
/// </summary>
/// <remarks>The buffer counts against <c>MaxBufferedBytes</c> with the upstream bodies the gateway holds, until the
/// request is done: a burst of large uploads cannot take the process's memory. Without room the request is answered
/// 503 with <c>Retry-After</c> (the profile's nearest 5xx), as Envoy's overload manager does, and not forwarded
/// unchecked: the route asked for the check because its backend mishandles malformed input.</remarks>
internal sealed class JsonRequestValidationMiddleware(
    RequestDelegate next, GatewaySnapshotAccessor store, ErrorResponseWriter writer, BufferBudget budget)
{
    private const int FirstChunk = 4096;

    private static readonly KeyValuePair<string, StringValues>[] s_retrySoon = [new(HeaderNames.RetryAfter, "1")];

    // Not async when there is nothing to check: no state machine per request on the success path.
    public Task InvokeAsync(HttpContext context)
    {
        var snapshot = store.Current;
        var policy = snapshot.PolicyFor(context.Features.Get<IReverseProxyFeature>()?.Route.Config.RouteId);
        var request = context.Request;
        // HTTP/2 and HTTP/3 frame a body without Content-Length or Transfer-Encoding: the server knows whether one comes.
        if (!policy.ValidateJsonRequestBody || !IsJson(request.ContentType) || request.ContentLength == 0
            || (request.ContentLength is null && !request.Headers.ContainsKey(HeaderNames.TransferEncoding)
                && context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody != true))
        {
            return next(context);
        }

        return ValidateAsync(context, snapshot.Options.MaxJsonRequestBodyBytes);
    }

    private async Task ValidateAsync(HttpContext context, long max)
    {
        var request = context.Request;
        if (request.ContentLength > max)
        {
            await writer.WriteAsync(context, StatusCodes.Status413PayloadTooLarge);
            return;
        }

        // A declared length is read into one array of that size (the forwarded stream wraps it: no second copy).
        // An undeclared one starts small and never grows past one byte over the bound, which the loop then refuses.
        var buffer = new byte[(int)(request.ContentLength ?? Math.Min(FirstChunk, max + 1))];
        var reserved = 0;
        try
        {
            if (!budget.TryReserve(buffer.Length))
            {
                await writer.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, headers: s_retrySoon);
                return;
            }

            reserved = buffer.Length;
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length == request.ContentLength)
                    {
                        break; // Kestrel ends a declared body at its length
                    }

                    if (length >= max + 1L || !Grow(ref buffer, ref reserved, (int)Math.Min(max + 1L, 2L * buffer.Length)))
                    {
                        await (length >= max + 1L
                            ? writer.WriteAsync(context, StatusCodes.Status413PayloadTooLarge)
                            : writer.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, headers: s_retrySoon));
                        return;
                    }
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(length), context.RequestAborted);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            if (Check(request.Headers.ContentEncoding, buffer.AsSpan(0, length), (int)max) is var (status, problem) && status != 0)
            {
                context.Features.GetRequiredFeature<GatewayRequestFeature>().Changes |= GatewayChanges.RequestRejected;
                await writer.WriteAsync(context, status, problem);
                return;
            }

            request.Body = new MemoryStream(buffer, 0, length, writable: false);
            request.Headers.Remove(HeaderNames.TransferEncoding);
            request.ContentLength = length;
            await next(context);
        }
        finally
        {
            budget.Release(reserved);
        }
    }

    // The refusal for a body, or status 0. A compressed body (Content-Encoding: gzip) is checked as the JSON it decodes
    // to, within the same bound, and forwarded as it came; one that cannot be decoded cannot be checked: 415 (RFC 9110
    // §15.5.16), which the profile maps.
    private static (int Status, string? Problem) Check(StringValues coding, ReadOnlySpan<byte> body, int max)
    {
        if (StringValues.IsNullOrEmpty(coding))
        {
            return JsonSyntax.Check(body) is { } problem ? (StatusCodes.Status400BadRequest, problem) : default;
        }

        if (!ContentDecoder.TryDecode(coding.ToString(), body, max, out var decoded, out var length, out var truncated))
        {
            return (StatusCodes.Status415UnsupportedMediaType, UndecodableMessage);
        }

        try
        {
            return truncated ? (StatusCodes.Status413PayloadTooLarge, null)
                : JsonSyntax.Check(decoded.AsSpan(0, length)) is { } problem ? (StatusCodes.Status400BadRequest, problem)
                : default;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(decoded);
        }
    }

    private const string UndecodableMessage = "The request body's Content-Encoding is not supported or its data is corrupt; the body could not be checked.";

    // A body of unknown length (or longer than declared) grows by doubling, up to one byte past the bound.
    private bool Grow(ref byte[] buffer, ref int reserved, int size)
    {
        if (!budget.TryReserve(size))
        {
            return false;
        }

        var larger = new byte[size];
        buffer.CopyTo(larger, 0);
        budget.Release(reserved);
        (buffer, reserved) = (larger, size);
        return true;
    }

    // text/json too: ASP.NET Web API's and ASP.NET Core's JSON formatters parse it as JSON, so a legacy backend would.
    // Read as leniently as a backend may read it: each comma-separated type, before its ';'. "application/json;;" and
    // two Content-Type headers (joined "text/plain, application/json") are no valid media type, but JSON to PHP's
    // strpos or a parser stopping at the first ';': unchecked, they reached the backend.
    private static bool IsJson(string? contentType)
    {
        foreach (var range in contentType.AsSpan().Split(','))
        {
            var member = contentType.AsSpan()[range];
            var end = member.IndexOf(';');
            var type = (end < 0 ? member : member[..end]).Trim();
            if (type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                || type.Equals("text/json", StringComparison.OrdinalIgnoreCase)
                || (type.EndsWith("+json", StringComparison.OrdinalIgnoreCase) && type.IndexOf('/') > 0))
            {
                return true;
            }
        }

        return false;
    }
}
