using Gateway.Transforms.RateLimiting;
using Microsoft.Net.Http.Headers;

namespace Gateway.RateLimiting;

/// <summary>
/// Puts <c>RateLimit-Policy</c>, <c>RateLimit</c>, the earlier drafts' <c>RateLimit-Limit</c> / <c>-Remaining</c> /
/// <c>-Reset</c> and, on refusals, <c>Retry-After</c> on the response just before it starts, so they survive the
/// error writer clearing headers and replace any an upstream sent.
/// </summary>
internal static class RateLimitResponseHeaders
{
    public static void Register(HttpContext context, RateLimitFeature feature)
    {
        if (feature.HeadersRegistered)
        {
            return;
        }

        feature.HeadersRegistered = true;
        context.Response.OnStarting(static state =>
        {
            var ctx = (HttpContext)state;
            if (ctx.Features.Get<RateLimitFeature>() is { } f)
            {
                Apply(ctx.Response.Headers, f);
            }

            return Task.CompletedTask;
        }, context);
    }

    public static void Apply(IHeaderDictionary headers, RateLimitFeature feature)
    {
        if (feature.Decision is not { } decision)
        {
            return;
        }

        var policy = feature.Target.Policy;
        if (!feature.StoreUnavailable)
        {
            long? resetSeconds = decision.ResetAfterMs is { } reset ? RateLimitHeaderFormatter.ToDelaySeconds(reset) : null;
            headers[RateLimitHeaderFormatter.PolicyHeader] = policy.PolicyHeader;
            headers[RateLimitHeaderFormatter.LimitHeader] = RateLimitHeaderFormatter.Limit(policy.Name, decision.Remaining, resetSeconds);
            headers[RateLimitHeaderFormatter.QuotaHeader] = policy.QuotaHeader;
            headers[RateLimitHeaderFormatter.RemainingHeader] = RateLimitHeaderFormatter.Integer(decision.Remaining);
            if (resetSeconds is { } seconds)
            {
                headers[RateLimitHeaderFormatter.ResetHeader] = RateLimitHeaderFormatter.Integer(seconds);
            }
            else
            {
                headers.Remove(RateLimitHeaderFormatter.ResetHeader); // an upstream's would describe another limit
            }
        }

        if (!decision.Allowed && feature.RetryAfter is { } retryAfter)
        {
            // Whole seconds, rounded up: with t from the same decision, Retry-After is never before the window's end.
            headers[HeaderNames.RetryAfter] = Math.Max(1, RateLimitHeaderFormatter.ToDelaySeconds((long)Math.Ceiling(retryAfter.TotalMilliseconds)))
                .ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
