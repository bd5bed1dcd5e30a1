using System.Buffers;
using Gateway.Configuration;
using Gateway.Middleware;
using Gateway.Transforms.Preconditions;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Gateway.Preconditions;

/// <summary>
/// First step of the proxy pipeline on routes with a validator cache (after authentication, authorization and the
/// rate limiter, before cluster caps, retries and load balancing: a hit needs no upstream). GET/HEAD: a matching
/// <c>If-None-Match</c> on a live entry is answered 304 here; a miss goes on and records the tag it gets. Any other
/// method but OPTIONS/TRACE bumps the path's write counter before and after it is forwarded, so neither the entries
/// of the path nor a GET that was under way when the write started can answer afterwards.
/// </summary>
internal sealed class ValidatorCacheMiddleware(RequestDelegate next, GatewaySnapshotAccessor store, ResourceWriteVersions versions)
{
    private const int StackKeyLength = 256;

    // Not async: a route without the cache costs one policy lookup, and a hit completes synchronously.
    public Task InvokeAsync(HttpContext context)
    {
        var snapshot = store.Current;
        if (context.Features.Get<IReverseProxyFeature>() is not { } proxy
            || snapshot.PolicyFor(proxy.Route.Config.RouteId).ETags.Cache is not { } cache)
        {
            return next(context);
        }

        var request = context.Request;
        var method = request.Method;
        var stripe = ResourceWriteVersions.StripeOf(proxy.Route.Config.RouteId, request.Path.Value ?? "");
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method))
        {
            return ReadAsync(context, cache, stripe, snapshot.Options.Authentication.ApiKeys?.Header);
        }

        return HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method) ? next(context) : WriteAsync(context, stripe);
    }

    private Task ReadAsync(HttpContext context, ValidatorCache cache, int stripe, string? apiKeyHeader)
    {
        // Read before anything goes upstream: a write that starts later makes this GET's tag unrecordable.
        var version = versions.Read(stripe);
        if (!ValidatorCacheKey.TryCreate(context, apiKeyHeader, out var key))
        {
            return next(context);
        }

        var length = key.Length;
        char[]? rented = null;
        Span<char> buffer = length <= StackKeyLength ? stackalloc char[StackKeyLength] : (rented = ArrayPool<char>.Shared.Rent(length));
        ValidatorCacheRecording recording;
        try
        {
            var span = buffer[..length];
            key.CopyTo(span);
            if (TryAnswer(context, cache, span))
            {
                return Task.CompletedTask;
            }

            recording = new ValidatorCacheRecording(cache, span.ToString(), key.KeyedByCaller, stripe, version);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }

        context.Features.Set(recording);
        return RecordAsync(context, recording);
    }

    private bool TryAnswer(HttpContext context, ValidatorCache cache, ReadOnlySpan<char> key)
    {
        var headers = context.Request.Headers;
        // Only a plain revalidation: other preconditions, ranges and a client's no-cache go the normal way.
        if (headers.IfNoneMatch is not [{ } ifNoneMatch]
            || headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.IfMatch)
            || headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.IfUnmodifiedSince)
            || headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.Range)
            || headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.IfRange)
            || ValidatorCacheRules.RequestForbidsStoredAnswer(headers.CacheControl.ToString(), headers.Pragma.ToString())
            || cache.Find(key, versions) is not { } entry
            || !entry.VaryMatches(headers)
            || !IfNoneMatchMatcher.MatchesWeak(ifNoneMatch, entry.OpaqueTag))
        {
            return false;
        }

        var response = context.Response;
        response.StatusCode = StatusCodes.Status304NotModified;
        foreach (var (name, value) in entry.Headers)
        {
            response.Headers[name] = value;
        }

        if (context.Features.Get<GatewayRequestFeature>() is { } feature)
        {
            feature.Changes |= GatewayChanges.ConditionalAnswered | GatewayChanges.ValidatorCacheHit;
        }

        return true;
    }

    private async Task RecordAsync(HttpContext context, ValidatorCacheRecording recording)
    {
        await next(context);
        // Only an exchange that completed: no forwarder error (a body cut short), the client still there, and no
        // write to the path since the GET started.
        if (recording.Candidate is { } candidate
            && context.Response.StatusCode is StatusCodes.Status200OK or StatusCodes.Status304NotModified
            && context.GetForwarderErrorFeature() is null
            && !context.RequestAborted.IsCancellationRequested
            && versions.Read(recording.Stripe) == recording.Version)
        {
            recording.Cache.Store(recording.Key, candidate, versions);
        }
    }

    private async Task WriteAsync(HttpContext context, int stripe)
    {
        versions.Bump(stripe);
        try
        {
            await next(context);
        }
        finally
        {
            // Again once the upstream answered: a GET that read the counter while the write was in flight may have
            // seen the old state.
            versions.Bump(stripe);
        }
    }
}
