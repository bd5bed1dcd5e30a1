using Gateway.Configuration;
using Gateway.Errors;
using Gateway.Middleware;
using Gateway.Proxy;
using Gateway.Transforms.Preconditions;
using Microsoft.AspNetCore.Http.Timeouts;
using Yarp.ReverseProxy.Model;

namespace Gateway.Preconditions;

/// <summary>
/// Proxy-pipeline step, after load balancing picked a destination. For PUT/PATCH/DELETE: refuses updates without
/// If-Match where the route requires it; in <see cref="ETagMode.Generate"/> reads the current representation,
/// evaluates the preconditions and answers 412 without forwarding when they fail (in <see cref="ETagMode.Passthrough"/>
/// too, when the write carries a precondition and the upstream tags the resource). Other unsafe methods (POST …) are
/// checked the same way when they carry a precondition. Check and forward of writes to one resource are serialized
/// inside this instance.
/// </summary>
internal sealed partial class PreconditionMiddleware(
    RequestDelegate next,
    GatewaySnapshotAccessor store,
    ErrorResponseWriter writer,
    BufferBudget budget,
    ResourceLocks locks,
    RedisResourceLocks sharedLocks,
    ILogger<PreconditionMiddleware> logger)
{
    private const string IfMatchRequired = "An If-Match header with the current ETag is required to change this resource.";

    // Not async for reads: no state machine per request on the success path.
    public Task InvokeAsync(HttpContext context)
    {
        var method = context.Request.Method;
        var proxy = context.Features.Get<IReverseProxyFeature>();
        if (proxy is null)
        {
            return next(context);
        }

        if (ConditionalRequest.IsUpdate(method))
        {
            return CheckWriteAsync(context, method, proxy);
        }

        // POST and other unsafe methods only when conditional: an unconditional POST is neither probed nor serialized.
        return ConditionalRequest.IsUnsafe(method) && ConditionalRequest.HasUnsafeMethodConditions(context.Request.Headers)
            ? CheckWriteAsync(context, method, proxy)
            : next(context);
    }

    private async Task CheckWriteAsync(HttpContext context, string method, IReverseProxyFeature proxy)
    {
        var routeId = proxy.Route.Config.RouteId;
        var policy = store.Current.PolicyFor(routeId).ETags;
        var conditions = ConditionalRequest.Read(context.Request);
        if (policy.Mode != ETagMode.Off && policy.RequireIfMatchOnUpdates && conditions.IfMatch is null
            && ConditionalRequest.IsUpdate(method)
            && !(HttpMethods.IsPut(method) && conditions.IfNoneMatch?.Trim() == "*"))
        {
            Log.IfMatchMissing(logger, method, routeId);
            await AnswerAsync(context, StatusCodes.Status428PreconditionRequired, IfMatchRequired);
            return;
        }

        var serialize = policy.Lock != ETagLockMode.None;
        // Passthrough checks a conditional write too, against the upstream's own tag: frameworks tag GETs for backends
        // that never look at If-Match, and a stale write must not be forwarded (behaviour.md §3).
        var checks = policy.Mode == ETagMode.Generate || (policy.Mode == ETagMode.Passthrough && conditions.AnyForUnsafeMethods);
        if (!checks || (!conditions.AnyForUnsafeMethods && !serialize)
            || proxy.AvailableDestinations is not [var destination, ..])
        {
            await next(context);
            return;
        }

        ResourceLocks.Releaser? held = null;
        IAsyncDisposable? shared = null;
        try
        {
            bool forward;
            try
            {
                using var probe = await CurrentRepresentationFetcher.CreateProbeAsync(context, proxy, destination, context.RequestAborted);
                if (serialize)
                {
                    // Keyed by cluster and upstream path: two public routes onto one upstream resource share the lock.
                    // The local lock comes first, so one instance has at most one Redis waiter per resource.
                    var key = proxy.Cluster.Config.ClusterId + " " + probe.RequestUri!.PathAndQuery;
                    held = await locks.AcquireAsync(key, context.RequestAborted);
                    if (policy.Lock == ETagLockMode.Redis
                        && (shared = await AcquireSharedAsync(context, key, routeId)) is null)
                    {
                        return;
                    }
                }

                forward = !conditions.AnyForUnsafeMethods || await CheckAsync(context, proxy, probe, policy, conditions, routeId);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                if (context.Features.Get<IHttpRequestTimeoutFeature>()?.RequestTimeoutToken.IsCancellationRequested == true)
                {
                    await AnswerAsync(context, StatusCodes.Status504GatewayTimeout, null);
                }

                return; // otherwise the client went away
            }

            if (forward)
            {
                await next(context);
            }
        }
        finally
        {
            // Held until the upstream answered the write, so the next writer's check sees its result.
            if (shared is not null)
            {
                await shared.DisposeAsync();
            }

            held?.Dispose();
        }
    }

    // Null when Redis could not be used; the answer was written then (fail closed: never an unserialized write).
    private async Task<IAsyncDisposable?> AcquireSharedAsync(HttpContext context, string key, string routeId)
    {
        try
        {
            return await sharedLocks.AcquireAsync(store.Current.Options.ETagLock, key, context.RequestAborted);
        }
        catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException)
        {
            Log.SharedLockUnavailable(logger, context.Request.Method, routeId, ex.Message);
            await AnswerAsync(context, StatusCodes.Status503ServiceUnavailable, "The write could not be serialized with other gateway instances; try again.");
            return null;
        }
    }

    // True to forward; false when the answer was written.
    private async Task<bool> CheckAsync(
        HttpContext context, IReverseProxyFeature proxy, HttpRequestMessage probe, ETagPolicy policy, ConditionalHeaders conditions, string routeId)
    {
        var generate = policy.Mode == ETagMode.Generate;
        var current = await CurrentRepresentationFetcher.FetchAsync(probe, proxy.Cluster, policy.MaxBodyBytes, budget, deriveTag: generate, context.RequestAborted);

        // Passthrough decides only on a tag the upstream itself sent; a failed, untagged or missing probe leaves the
        // write to the upstream, as before (a write-only path may answer its GET with 404 or 405).
        if (!generate && !(current.FailureStatus is null && current.State.ETag is not null))
        {
            return true;
        }

        if (current.FailureStatus is { } failure)
        {
            Log.CurrentStateUnavailable(logger, context.Request.Method, routeId, failure);
            await AnswerAsync(context, failure, failure >= 500 ? "The current state of the resource could not be read to check the precondition." : null);
            return false;
        }

        var outcome = PreconditionEvaluator.Evaluate(context.Request.Method, conditions, current.State);
        if (outcome != PreconditionOutcome.Proceed)
        {
            Log.PreconditionFailed(logger, context.Request.Method, routeId, current.State.Exists);
            await AnswerAsync(context, StatusCodes.Status412PreconditionFailed, null);
            return false;
        }

        context.Features.Set(new PreconditionCheckFeature(current.TagFromUpstream));
        return true;
    }

    private Task AnswerAsync(HttpContext context, int status, string? message)
    {
        var feature = context.Features.Get<GatewayRequestFeature>();
        if (feature is not null)
        {
            feature.Changes |= GatewayChanges.ConditionalAnswered;
        }

        return writer.WriteAsync(context, status, message);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "{Method} on route {RouteId} refused: If-Match is required and was not sent")]
        public static partial void IfMatchMissing(ILogger logger, string method, string routeId);

        [LoggerMessage(2, LogLevel.Information, "{Method} on route {RouteId} not forwarded: precondition failed (resource exists: {Exists})")]
        public static partial void PreconditionFailed(ILogger logger, string method, string routeId, bool exists);

        [LoggerMessage(3, LogLevel.Warning, "{Method} on route {RouteId} not forwarded: the current representation could not be read (answer {StatusCode})")]
        public static partial void CurrentStateUnavailable(ILogger logger, string method, string routeId, int statusCode);

        [LoggerMessage(4, LogLevel.Warning, "{Method} on route {RouteId} not forwarded: the Redis lock is unavailable ({Reason})")]
        public static partial void SharedLockUnavailable(ILogger logger, string method, string routeId, string reason);
    }
}
