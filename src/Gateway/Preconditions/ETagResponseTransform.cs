using Gateway.Configuration;
using Gateway.Errors;
using Gateway.Middleware;
using Gateway.Proxy;
using Gateway.Transforms.Preconditions;
using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy.Transforms;

namespace Gateway.Preconditions;

/// <summary>
/// Runs after the scrub/normalization transform on 200 answers to GET/HEAD. Generate mode: buffers the identity
/// body up to the bound, sets a strong ETag derived from it (bodies over the bound stream on without one). Both
/// modes: answers 304 (caching headers kept, no body) or 412 from the current tag and Last-Modified. Error
/// responses are never touched; a body another step replaced keeps no strong ETag.
/// </summary>
internal sealed partial class ETagResponseTransform(
    GatewaySnapshotAccessor store, ErrorResponseWriter writer, BufferBudget budget, string routeId, ILogger logger) : ResponseTransform
{
    public override async ValueTask ApplyAsync(ResponseTransformContext context)
    {
        if (context.ProxyResponse is not { } upstream || store.Current.PolicyFor(routeId).ETags is not { Mode: not ETagMode.Off } policy)
        {
            return;
        }

        var http = context.HttpContext;
        var response = http.Response;
        if (response.StatusCode >= 400 || response.HasStarted)
        {
            return; // errors belong to normalization; a body another step already sent is out of reach
        }

        if (UpstreamETagField.Normalize(response.Headers) != UpstreamTagForm.Valid)
        {
            Flag(http, GatewayChanges.ETagRepaired);
        }

        if (response.StatusCode == StatusCodes.Status304NotModified)
        {
            // The upstream's own 304: legacy servers add Content-Type: text/html and Content-Length: 0, which a cache
            // merges into the stored response. It keeps what the gateway's own 304 keeps.
            NotModifiedResponse.Apply(response);
        }

        if (context.SuppressResponseBody)
        {
            WeakenStrongETag(response.Headers); // another step will write (or dropped) the body
            return;
        }

        var method = http.Request.Method;
        if (policy.Mode == ETagMode.Generate && HttpMethods.IsHead(method))
        {
            // The upstream was asked with GET; a HEAD client gets the headers only.
            context.SuppressResponseBody = true;
        }

        if (!(HttpMethods.IsGet(method) || HttpMethods.IsHead(method)))
        {
            return;
        }

        if (response.StatusCode == StatusCodes.Status206PartialContent)
        {
            // Preconditions come before Range (RFC 9110 §13.2.2); an upstream that ignores them still answers Range, and
            // its 206 carries the representation's validators, so they are checked as on a 200.
            var partial = ConditionalRequest.Read(http.Request);
            if (partial.Any)
            {
                var state = new ResourceState(true, ConditionalRequest.ParseETag(response.Headers.ETag), ConditionalRequest.ParseDate(response.Headers.LastModified));
                await AnswerAsync(context, PreconditionEvaluator.Evaluate(method, partial, state));
            }

            return;
        }

        if (response.StatusCode != StatusCodes.Status200OK)
        {
            if (response.StatusCode == StatusCodes.Status304NotModified && policy.Cache is not null)
            {
                OfferToCache(http, upstream, ConditionalRequest.ParseETag(response.Headers.ETag)); // the upstream's own 304
            }

            return;
        }

        var conditions = ConditionalRequest.Read(http.Request);
        // Only conditions read the date; most requests carry none.
        var lastModified = conditions.Any ? ConditionalRequest.ParseDate(response.Headers.LastModified) : null;
        // An event stream may never end: no tag can be derived, and buffering it would hold every event back.
        if (policy.Mode == ETagMode.Generate && !response.Headers.ContainsKey(HeaderNames.ETag) && !IsEncoded(response.Headers)
            && !EventStream.Is(upstream.Content))
        {
            await GenerateAsync(context, upstream, policy, conditions, lastModified);
            return;
        }

        var upstreamTag = conditions.Any || policy.Cache is not null ? ConditionalRequest.ParseETag(response.Headers.ETag) : null;
        if (policy.Cache is not null)
        {
            OfferToCache(http, upstream, upstreamTag);
        }

        if (conditions.Any)
        {
            var state = new ResourceState(true, upstreamTag, lastModified);
            await AnswerAsync(context, PreconditionEvaluator.Evaluate(method, conditions, state));
        }
    }

    private async Task GenerateAsync(
        ResponseTransformContext context, HttpResponseMessage upstream, ETagPolicy policy, ConditionalHeaders conditions, DateTimeOffset? lastModified)
    {
        var http = context.HttpContext;
        var isHead = HttpMethods.IsHead(http.Request.Method);
        var declared = upstream.Content.Headers.ContentLength;
        if (declared > policy.MaxBodyBytes)
        {
            Log.OverBound(logger, routeId, policy.MaxBodyBytes);
            await AnswerAsync(context, OutcomeWithoutTag(http.Request.Method, conditions, lastModified));
            return;
        }

        var token = context.CancellationToken;
        await using var stream = await upstream.Content.ReadAsStreamAsync(token);
        using var body = await BodyBuffer.ReadAsync(stream, policy.MaxBodyBytes, declared, budget, token);
        context.SuppressResponseBody = true; // from here on this transform writes the body
        if (body.Exceeded)
        {
            Log.OverBound(logger, routeId, policy.MaxBodyBytes);
            // Chunked, so only found out now: the conditions still hold as for a declared length (the upstream never saw them).
            var withoutTag = OutcomeWithoutTag(http.Request.Method, conditions, lastModified);
            if (withoutTag != PreconditionOutcome.Proceed)
            {
                await AnswerAsync(context, withoutTag);
                return;
            }

            if (!isHead)
            {
                await StreamOnAsync(http, body.Memory, stream, token);
            }

            return;
        }

        var tag = EntityTagGenerator.Compute(body.Memory.Span);
        var response = http.Response;
        response.Headers.ETag = tag.ToString();
        Flag(http, GatewayChanges.ETagGenerated);
        var outcome = conditions.Any
            ? PreconditionEvaluator.Evaluate(http.Request.Method, conditions, new ResourceState(true, tag, lastModified))
            : PreconditionOutcome.Proceed;
        if (policy.Cache is not null && outcome != PreconditionOutcome.PreconditionFailed)
        {
            OfferToCache(http, upstream, tag); // before a 304 drops the representation's fields
        }

        if (outcome != PreconditionOutcome.Proceed)
        {
            await AnswerAsync(context, outcome);
            return;
        }

        response.ContentLength = body.Memory.Length;
        if (!isHead)
        {
            await WriteAsync(http, body.Memory, token);
        }
    }

    // Over the bound: no tag, but a Last-Modified can still answer If-Modified-Since / If-Unmodified-Since.
    private static PreconditionOutcome OutcomeWithoutTag(string method, ConditionalHeaders conditions, DateTimeOffset? lastModified) =>
        conditions.Any
            ? PreconditionEvaluator.Evaluate(method, conditions, new ResourceState(true, null, lastModified))
            : PreconditionOutcome.Proceed;

    private async Task AnswerAsync(ResponseTransformContext context, PreconditionOutcome outcome)
    {
        var http = context.HttpContext;
        if (outcome == PreconditionOutcome.NotModified)
        {
            context.SuppressResponseBody = true;
            NotModifiedResponse.Apply(http.Response);
            Flag(http, GatewayChanges.ConditionalAnswered);
        }
        else if (outcome == PreconditionOutcome.PreconditionFailed)
        {
            context.SuppressResponseBody = true;
            Flag(http, GatewayChanges.ConditionalAnswered);
            await writer.WriteAsync(http, StatusCodes.Status412PreconditionFailed);
        }
    }

    private static async Task WriteAsync(HttpContext http, ReadOnlyMemory<byte> body, CancellationToken token)
    {
        try
        {
            await http.Response.Body.WriteAsync(body, token);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            http.Abort(); // the client went away mid-body
        }
    }

    // The start is already read; the rest is copied as YARP would have. A failure after the headers went out
    // must not look like a complete body: the connection is aborted.
    private static async Task StreamOnAsync(HttpContext http, ReadOnlyMemory<byte> start, Stream rest, CancellationToken token)
    {
        try
        {
            await http.Response.Body.WriteAsync(start, token);
            await rest.CopyToAsync(http.Response.Body, token);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or HttpRequestException)
        {
            UpstreamBodyFailure.Abort(http, ex);
        }
    }

    // The validator cache step set a recording on this request when it may record; a HEAD's tag serves GETs too.
    private static void OfferToCache(HttpContext http, HttpResponseMessage upstream, EntityTag? tag)
    {
        if (tag is { } known && http.Features.Get<ValidatorCacheRecording>() is { } recording)
        {
            recording.Offer(http, upstream, known);
        }
    }

    private static bool IsEncoded(IHeaderDictionary headers)
    {
        var encoding = headers.ContentEncoding;
        return encoding.Count > 0 && !(encoding.Count == 1 && string.Equals(encoding[0], "identity", StringComparison.OrdinalIgnoreCase));
    }

    private static void WeakenStrongETag(IHeaderDictionary headers)
    {
        if (ConditionalRequest.ParseETag(headers.ETag) is { IsWeak: false } tag)
        {
            headers.ETag = tag.AsWeak().ToString();
        }
    }

    private static void Flag(HttpContext http, GatewayChanges change)
    {
        var feature = http.Features.Get<GatewayRequestFeature>();
        if (feature is not null)
        {
            feature.Changes |= change;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Route {RouteId}: body over {MaxBodyBytes} bytes streams without a generated ETag")]
        public static partial void OverBound(ILogger logger, string routeId, int maxBodyBytes);
    }
}
