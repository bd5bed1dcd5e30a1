using Gateway.Configuration;
using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy.Transforms;

namespace Gateway.Proxy;

/// <summary>
/// Success and redirect statuses the profile does not allow (Ed-Fi has no 202, neither profile a 205 or 299) become
/// the nearest allowed one; a 204 never carries the body or length an upstream sent with it.
/// </summary>
internal static class SuccessStatusMapping
{
    /// <summary>Adjusts status and headers; returns true when the status changed.</summary>
    public static bool Apply(ResponseTransformContext context, RoutePolicy policy)
    {
        var response = context.HttpContext.Response;
        var upstreamStatus = response.StatusCode;
        var mapped = policy.NormalizeErrors ? policy.MapStatus(upstreamStatus) : upstreamStatus;
        if (mapped != upstreamStatus)
        {
            response.StatusCode = mapped;
        }

        if (mapped is StatusCodes.Status204NoContent or StatusCodes.Status205ResetContent)
        {
            // HttpClient drops a 204's body but YARP copies its Content-Length; Kestrel would then fail the response.
            context.SuppressResponseBody = true;
            response.Headers.ContentLength = null;
            response.Headers.Remove(HeaderNames.ContentType);
            response.Headers.Remove(HeaderNames.ContentEncoding);
        }

        return mapped != upstreamStatus;
    }
}
