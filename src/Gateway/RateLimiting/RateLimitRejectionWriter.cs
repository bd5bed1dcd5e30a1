using System.Globalization;
using System.Threading.RateLimiting;
using Gateway.Errors;
using Gateway.Middleware;
using Gateway.Transforms.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Gateway.RateLimiting;

/// <summary>
/// <c>RateLimiterOptions.OnRejected</c>: the standard error payload of the route's profile (429, or the fail-closed
/// status when Redis is away), with <c>Retry-After</c> from the lease's own <see cref="MetadataName.RetryAfter"/>.
/// </summary>
internal static class RateLimitRejectionWriter
{
    public static ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var services = http.RequestServices;
        var feature = http.Features.Get<RateLimitFeature>();
        TimeSpan? retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var value) ? value : null;
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
        var message = retryAfter is { } wait
            ? string.Create(CultureInfo.InvariantCulture, $"Too many requests. Try again in {Math.Max(1, RateLimitHeaderFormatter.ToDelaySeconds((long)Math.Ceiling(wait.TotalMilliseconds)))} s.")
            : null;
        return new(services.GetRequiredService<ErrorResponseWriter>().WriteAsync(http, StatusCodes.Status429TooManyRequests, message));
    }
}
