using System.Buffers;
using Gateway.Middleware;
using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy.Transforms;

namespace Gateway.Proxy;

/// <summary>
/// SuccessConformance for a 200 of unknown length (chunked, or ended by close): whether it is empty shows only once
/// the body is read, so its first read decides. Empty: 204, like a 200 with <c>Content-Length: 0</c>. Otherwise the
/// bytes read go out first and the rest streams on, nothing more buffered.
/// </summary>
/// <remarks>The headers wait for the first body bytes; an event stream, whose first event may be minutes away, is left
/// to YARP.</remarks>
internal static class EmptyBodyProbe
{
    private const int FirstRead = 16 * 1024;

    public static bool Applies(HttpContext httpContext, HttpResponseMessage upstream) =>
        upstream.StatusCode == System.Net.HttpStatusCode.OK
        && httpContext.Response.StatusCode == StatusCodes.Status200OK
        && upstream.Content.Headers.ContentLength is null
        && !UpstreamMethod.AnsweredHead(httpContext, upstream)
        && !EventStream.Is(upstream.Content);

    /// <summary>The 204 an empty 200 becomes; the caller has suppressed or not yet written the body.</summary>
    public static void AnswerNoContent(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status204NoContent;
        response.Headers.ContentLength = null;
        response.Headers.Remove(HeaderNames.ContentType);
        response.Headers.Remove(HeaderNames.ContentEncoding);
        if (httpContext.Features.Get<GatewayRequestFeature>() is { } feature)
        {
            feature.Changes |= GatewayChanges.StatusRemapped;
        }
    }

    public static async ValueTask ApplyAsync(ResponseTransformContext context)
    {
        var httpContext = context.HttpContext;
        var response = httpContext.Response;
        context.SuppressResponseBody = true;
        var buffer = ArrayPool<byte>.Shared.Rent(FirstRead);
        var sending = false;
        try
        {
            await using var stream = await context.ProxyResponse!.Content.ReadAsStreamAsync(context.CancellationToken);
            var read = await stream.ReadAsync(buffer, context.CancellationToken);
            if (read == 0)
            {
                AnswerNoContent(httpContext);
                return;
            }

            sending = true;
            await response.Body.WriteAsync(buffer.AsMemory(0, read), context.CancellationToken);
            await stream.CopyToAsync(response.Body, context.CancellationToken);
        }
        // Before the first bytes went out the failure is left to YARP: its 502, the profile's 5xx with payload.
        catch (Exception ex) when (sending && (ex is IOException or HttpRequestException or OperationCanceledException))
        {
            // The upstream broke mid-body, or the client left: the client must see an aborted response, never a clean one.
            UpstreamBodyFailure.Abort(httpContext, ex);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
