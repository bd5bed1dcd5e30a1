using System.Buffers;
using Gateway.Configuration;
using Gateway.Errors;
using Gateway.Middleware;
using Gateway.Transforms.Requests;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy.Model;

namespace Gateway.Proxy;

/// <summary>
/// Proxy-pipeline step for routes with <c>ValidateJsonRequestBody</c>: a malformed JSON body gets 400 with the
/// payload and is never forwarded. A well-formed one is forwarded from the buffer, with its length set.
/// </summary>
internal sealed class JsonRequestValidationMiddleware(RequestDelegate next, GatewaySnapshotAccessor store, ErrorResponseWriter writer)
{
    // Not async when there is nothing to check: no state machine per request on the success path.
    public Task InvokeAsync(HttpContext context)
    {
        var snapshot = store.Current;
        var policy = snapshot.PolicyFor(context.Features.Get<IReverseProxyFeature>()?.Route.Config.RouteId);
        var request = context.Request;
        if (!policy.ValidateJsonRequestBody || !IsJson(request.ContentType) || request.ContentLength == 0
            || (request.ContentLength is null && !request.Headers.ContainsKey(HeaderNames.TransferEncoding)))
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

        var buffer = new ArrayBufferWriter<byte>((int)(request.ContentLength ?? 4096));
        while (true)
        {
            var read = await request.Body.ReadAsync(buffer.GetMemory(4096), context.RequestAborted);
            if (read == 0)
            {
                break;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > max)
            {
                await writer.WriteAsync(context, StatusCodes.Status413PayloadTooLarge);
                return;
            }
        }

        if (JsonSyntax.Check(buffer.WrittenSpan) is { } problem)
        {
            context.Features.GetRequiredFeature<GatewayRequestFeature>().Changes |= GatewayChanges.RequestRejected;
            await writer.WriteAsync(context, StatusCodes.Status400BadRequest, problem);
            return;
        }

        request.Body = new MemoryStream(buffer.WrittenMemory.ToArray(), writable: false);
        request.Headers.Remove(HeaderNames.TransferEncoding);
        request.ContentLength = buffer.WrittenCount;
        await next(context);
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out var media) && media.MediaType.HasValue
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.MediaType.Value!.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
}
