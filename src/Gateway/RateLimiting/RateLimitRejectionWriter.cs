using System.Globalization;
using System.Threading.RateLimiting;
using Gateway.Errors;
using Gateway.Middleware;
using Gateway.Transforms.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Gateway.RateLimiting;

/// <summary>
/// <c>RateLimiterOptions.OnRejected</c>: the standard error payload of the route's profile (429, or the fail-closed
/// status when Redis is away), with <c>Retry-After</c> from the lease's own <see cref="MetadataName.RetryAfter"/> (1 s for a concurrency limit).
/// </summary>
internal static class RateLimitRejectionWriter
{
    private static readonly TimeSpan ConcurrencyRetryAfter = TimeSpan.FromSeconds(1);

    public static ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var services = http.RequestServices;
        var feature = http.Features.Get<RateLimitFeature>();
        // A concurrency lease has no time: a slot frees when any request in flight ends, so "soon" is the honest answer
        // and the contract asks every 429 for Retry-After.
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var value) ? value : ConcurrencyRetryAfter;
        if (feature is not null)
        {
            feature.RetryAfter = retryAfter;
        }

        if (http.Features.Get<GatewayRequestFeature>() is { } gatewayFeature)
        {
            gatewayFeature.Changes |= GatewayChanges.RateLimited;
        }

        if (http.Response.HasStarted)
        {
            return ValueTask.CompletedTask;
        }

        if (feature is { StoreUnavailable: true, Redis: { } redis })
        {
            return new(services.GetRequiredService<ErrorResponseWriter>().WriteAsync(http, redis.FailClosedStatus));
        }

        services.GetRequiredService<RateLimitCounters>().QuotaRefused();
        var message = string.Create(CultureInfo.InvariantCulture,
            $"Too many requests. Try again in {Math.Max(1, RateLimitHeaderFormatter.ToDelaySeconds((long)Math.Ceiling(retryAfter.TotalMilliseconds)))} s.");
        return new(services.GetRequiredService<ErrorResponseWriter>().WriteAsync(http, StatusCodes.Status429TooManyRequests, message));
    }
}
