using Gateway.Configuration;
using Gateway.Transforms.Errors;
using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy.Transforms;

namespace Gateway.Proxy;

/// <summary>
/// Success statuses as the profile's guideline wants them (opt-in per route): POST answered 200 with a Location
/// becomes 201; 200 with an empty body becomes 204; under Ed-Fi a 201 carries no body.
/// </summary>
internal static class SuccessConformance
{
    /// <summary>Adjusts status and headers; returns true when the status changed.</summary>
    public static bool Apply(ResponseTransformContext context, RoutePolicy policy, int maxBodyBytes)
    {
        var httpContext = context.HttpContext;
        var upstream = context.ProxyResponse!;
        var response = httpContext.Response;
        var changed = false;

        if (upstream.StatusCode == System.Net.HttpStatusCode.OK)
        {
            if (HttpMethods.IsPost(httpContext.Request.Method) && response.Headers.ContainsKey(HeaderNames.Location))
            {
                response.StatusCode = StatusCodes.Status201Created;
                changed = true;
            }
            else if (upstream.Content.Headers.ContentLength == 0 && !UpstreamMethod.AnsweredHead(httpContext, upstream))
            {
                EmptyBodyProbe.AnswerNoContent(httpContext);
                context.SuppressResponseBody = true;
                changed = true;
            }
        }

        // Ed-Fi Table 6: "A POST response will not contain a body." A route that reads success bodies reads it first
        // (a rule may find the error inside, a 200 {"success":false} with a Location); SuccessBodyStep drops it then.
        if (DropsBody(response, policy))
        {
            context.SuppressResponseBody = !SuccessBodyStep.Qualifies(httpContext, upstream, policy, maxBodyBytes);
            response.ContentLength = 0;
            response.Headers.Remove(HeaderNames.ContentType);
            response.Headers.Remove(HeaderNames.ContentEncoding);
        }

        return changed;
    }

    /// <summary>Whether the answer is a 201 that goes without its body (Ed-Fi).</summary>
    public static bool DropsBody(HttpResponse response, RoutePolicy policy) =>
        policy.SuccessConformance && response.StatusCode == StatusCodes.Status201Created && policy.Profile.Kind == ErrorProfileKind.EdFi;
}
