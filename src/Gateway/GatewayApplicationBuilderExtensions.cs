using Gateway.Auth;
using Gateway.Configuration;
using Gateway.Errors;
using Gateway.Health;
using Gateway.Kestrel;
using Gateway.Middleware;
using Gateway.Observability;
using Gateway.Preconditions;
using Gateway.Proxy;
using Gateway.Proxy.Retry;
using Gateway.RateLimiting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Gateway;

/// <summary>The gateway's request pipeline, in one place and in order.</summary>
public static class GatewayApplicationBuilderExtensions
{
    /// <summary>Builds the ordered pipeline ending in YARP. Call once the config store holds a good config.</summary>
    public static WebApplication UseGateway(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // 1-3. Correlation id first, so every later log line and every response carries it; anything thrown below
        // becomes the standard 500 (the exception goes to the log only); then metrics and the completion line, which
        // see the final status, including what the exception step wrote.
        app.UseMiddleware<RequestEdgeMiddleware>();
        // 4. Routing, then per-route upstream timeouts (YARP route field "Timeout").
        app.UseRouting();
        // 4a. Ambiguous framing (Content-Length with Transfer-Encoding) or a declared body over the limit: refused
        // in the route's profile with Connection: close, before anything is forwarded.
        app.UseMiddleware<RequestFramingGuardMiddleware>();
        // 4b. TRACE would have the backend echo the request, with what the gateway adds upstream; CONNECT cannot be
        // forwarded; "head" would go upstream as HEAD: answered here.
        app.UseMiddleware<MethodGuardMiddleware>();
        // 4c. CORS for routes with a gateway policy (YARP route field "CorsPolicy"): before authentication and the rate
        // limiter, because browsers send preflights without credentials; a preflight is answered here (204), never
        // forwarded and never counted. Actual requests get the headers when the response starts, so every answer
        // below (401, 403, 429, 412, 5xx, rewritten upstream errors) carries them.
        app.UseCors();
        app.UseRequestTimeouts();
        // 5a. Who is calling, and may they call this route: 401/403 answered here, never forwarded.
        app.UseGatewayAuth();
        // 5b. Rate limits (429 with RateLimit headers); after authentication, so partitions can use the client's identity.
        // A generation without any policy skips the step: its global limiter would grant every request anyway.
        var snapshots = app.Services.GetRequiredService<GatewaySnapshotAccessor>();
        app.UseWhen(_ => snapshots.Current.RateLimiting.HasPolicies, branch => branch.UseRateLimiter());

        app.MapHealthChecks(HealthTags.LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponseWriter.WriteAsync })
            .AllowAnonymous();
        app.MapHealthChecks(HealthTags.ReadyPath, new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(HealthTags.Ready),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        }).AllowAnonymous();

        // 6. The proxy; upstream failures become the profile's 5xx after YARP is done.
        app.MapReverseProxy(proxy =>
        {
            // Revalidations answered from the route's validator cache need no upstream, so they come first; writes
            // invalidate it here before anything below forwards them.
            proxy.UseMiddleware<ValidatorCacheMiddleware>();
            proxy.UseMiddleware<JsonRequestValidationMiddleware>();
            proxy.UseMiddleware<ForwarderErrorMiddleware>();
            proxy.UseMiddleware<ClusterConcurrencyMiddleware>();
            // Retries re-run affinity, balancing and forwarding; outside them, inside the error mapping.
            proxy.UseMiddleware<RetryMiddleware>();
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
            // Conditional writes are checked once a destination is picked, and answered 412 without forwarding.
            proxy.UseMiddleware<PreconditionMiddleware>();
        });

        // 7. No route matched: the standard 404 (an explicit pattern, so paths with dots match too), for anyone.
        app.MapFallback("{**path}", static context =>
            context.RequestServices.GetRequiredService<ErrorResponseWriter>().WriteUnroutedNotFoundAsync(context))
            .AllowAnonymous();
        return app;
    }
}
