using System.Buffers;
using Gateway.Configuration;
using Gateway.Errors;
using Gateway.Middleware;
using Gateway.Transforms.Errors;
using Gateway.Transforms.Extraction;
using Gateway.Transforms.Rules;
using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy.Transforms;

namespace Gateway.Proxy;

/// <summary>
/// Only on routes that ask for it: reads a JSON success body (bounded), applies the route's rules ("200 with an
/// error inside" → 404 …; also to JSON sent under a textual type) and drops debug fields; with <c>RejectDebugOutput</c>, a textual body that carries debug
/// output becomes the profile's 500. Bodies over the bound, or of other types, stream through unchanged.
/// </summary>
internal sealed partial class SuccessBodyStep(ILogger<SuccessBodyStep> logger, BufferBudget budget)
{
    public static bool Qualifies(HttpContext httpContext, HttpResponseMessage upstream, RoutePolicy policy, int maxBodyBytes) =>
        policy.InspectsSuccessBodies
        && !UpstreamMethod.AnsweredHead(httpContext, upstream)
        && upstream.StatusCode is not (System.Net.HttpStatusCode.NoContent or System.Net.HttpStatusCode.NotModified)
        && !EventStream.Is(upstream.Content) // text/* to RejectDebugOutput, but it may never end
        && (IsJson(upstream.Content.Headers.ContentType?.MediaType)
            || ((policy.RejectDebugOutput || policy.HasSuccessRules || policy.DebugFieldNames is not null) && DebugOutput.IsTextual(upstream.Content.Headers.ContentType?.MediaType))
            || (policy.SoapFaultsAreErrors && SoapFaultBody.IsXml(upstream.Content.Headers.ContentType?.MediaType)))
        && !(upstream.Content.Headers.ContentLength > maxBodyBytes);

    public async ValueTask ApplyAsync(ResponseTransformContext context, RoutePolicy policy, int maxBodyBytes)
    {
        var httpContext = context.HttpContext;
        var upstream = context.ProxyResponse!;
        var response = httpContext.Response;
        var feature = httpContext.Features.Get<GatewayRequestFeature>();
        context.SuppressResponseBody = true;

        await using var stream = await upstream.Content.ReadAsStreamAsync(context.CancellationToken);
        using var body = await UpstreamBodyReader.ReadAsync(stream, upstream.Content.Headers.ContentLength, maxBodyBytes, budget, context.CancellationToken);
        switch (body.Result)
        {
            case BodyReadResult.Failed:
                // The upstream broke mid-body before anything was sent: YARP answers a transform's exception with its
                // 502, the profile's 5xx with payload (as for an unreadable answer), never a clean short body.
                throw new IOException("The upstream response body ended before it was complete.");
            case BodyReadResult.OverBound when SuccessConformance.DropsBody(response, policy):
                return;
            case BodyReadResult.OverBound:
                try
                {
                    await response.Body.WriteAsync(body.Memory, context.CancellationToken);
                    await stream.CopyToAsync(response.Body, context.CancellationToken);
                }
                catch (Exception ex) when (ex is IOException or HttpRequestException or OperationCanceledException)
                {
                    // Thrown on, it would reach YARP after the headers went out: a gateway error, not the upstream's.
                    UpstreamBodyFailure.Abort(httpContext, ex);
                }

                return;
        }

        // Empty however it was framed (chunked, or ended by close): SuccessConformance's 204, as for Content-Length: 0.
        if (body.Length == 0 && policy.SuccessConformance && response.StatusCode == StatusCodes.Status200OK
            && upstream.StatusCode == System.Net.HttpStatusCode.OK)
        {
            EmptyBodyProbe.AnswerNoContent(httpContext);
            return;
        }

        using var identity = IdentityBody.Decode(upstream.Content.Headers, body.Memory, maxBodyBytes);

        // Legacy PHP echoes its JSON under PHP's default text/html: the rules read any textual body that is JSON.
        var json = IsJson(upstream.Content.Headers.ContentType?.MediaType);
        if (!json && policy.HasSuccessRules && identity.IsDecoded && !identity.Truncated
            && ResponseRuleEvaluator.Evaluate(policy.Rules, (int)upstream.StatusCode, identity.Span, upstream.Content.Headers.ContentType?.ToString()) is { } textRule)
        {
            await AnswerRuleAsync(httpContext, policy, textRule, (int)upstream.StatusCode, feature);
            return;
        }

        // The same PHP JSON carries its debug fields under text/html too: a textual body that is JSON is stripped alike.
        if (identity.IsDecoded && !identity.Truncated
            && (json || (policy.DebugFieldNames is not null && SuccessJson.MayBeJson(SuccessJson.WithoutBom(identity.Span)))))
        {
            if (json && ResponseRuleEvaluator.Evaluate(policy.Rules, (int)upstream.StatusCode, identity.Span, upstream.Content.Headers.ContentType?.ToString()) is { } rule)
            {
                await AnswerRuleAsync(httpContext, policy, rule, (int)upstream.StatusCode, feature);
                return;
            }

            // An empty body has no fields to drop (and ArrayBufferWriter refuses a capacity of 0: it answered 500).
            if (policy.DebugFieldNames is { } names && !identity.Span.IsEmpty)
            {
                var stripped = new ArrayBufferWriter<byte>(identity.Span.Length);
                var contentType = upstream.Content.Headers.ContentType?.ToString();
                var strip = DebugFieldStripper.Strip(identity.Span, contentType, names, stripped, out var removed, out var transcoded);
                if (transcoded)
                {
                    contentType = (upstream.Content.Headers.ContentType?.MediaType ?? "application/json") + "; charset=utf-8";
                }

                if (strip == DebugFieldStrip.TooDeep && json)
                {
                    // Unread, it may hide a trace: answered as RejectDebugOutput would, never passed unchecked.
                    await AnswerDebugOutputAsync(httpContext, upstream, policy, LeakKinds.StackTrace, feature);
                    return;
                }

                if (strip == DebugFieldStrip.Stripped)
                {
                    // Dropping the fields keeps the data; only debug output left elsewhere still fails the body.
                    if (FindDebugOutput(contentType, policy, stripped.WrittenSpan, truncated: false) is var left and not LeakKinds.None)
                    {
                        await AnswerDebugOutputAsync(httpContext, upstream, policy, left, feature);
                        return;
                    }

                    // The body changed: identity encoding, and no strong ETag on a representation we altered.
                    response.Headers.Remove(HeaderNames.ContentEncoding);
                    response.Headers.Remove(HeaderNames.ETag);
                    if (transcoded)
                    {
                        response.ContentType = contentType;
                    }

                    if (feature is not null)
                    {
                        feature.Changes |= GatewayChanges.LeakRemoved;
                    }

                    Log.DebugFieldsDropped(logger, removed);
                    if (!SuccessConformance.DropsBody(response, policy))
                    {
                        response.ContentLength = stripped.WrittenCount;
                        await response.Body.WriteAsync(stripped.WrittenMemory, context.CancellationToken);
                    }

                    return;
                }
            }
        }

        if (policy.SoapFaultsAreErrors && identity.IsDecoded && !identity.Truncated && SoapFaultBody.IsXml(upstream.Content.Headers.ContentType?.MediaType)
            && SoapFaultBody.Status(identity.Span, upstream.Content.Headers.ContentType?.ToString()) is { } faultStatus)
        {
            await AnswerSoapFaultAsync(httpContext, upstream, policy, faultStatus, identity.Span, feature);
            return;
        }

        // A coding the gateway cannot undo (x-foo, corrupt gzip) is scanned as the bytes that came: plain text under
        // a false label reaches a client that ignores the label (curl, a log viewer) with its trace readable.
        var scanned = identity.IsDecoded ? identity.Span : body.Span;
        if (FindDebugOutput(upstream.Content.Headers.ContentType?.ToString(), policy, scanned, identity.IsDecoded && identity.Truncated) is var leaks and not LeakKinds.None)
        {
            await AnswerDebugOutputAsync(httpContext, upstream, policy, leaks, feature);
            return;
        }

        if (!SuccessConformance.DropsBody(response, policy))
        {
            response.ContentLength = body.Length;
            await response.Body.WriteAsync(body.Memory, context.CancellationToken);
        }
    }

    private static LeakKinds FindDebugOutput(string? contentType, RoutePolicy policy, ReadOnlySpan<byte> body, bool truncated) =>
        policy.RejectDebugOutput ? DebugOutput.Find(contentType, body, truncated, policy) : LeakKinds.None;

    // A crash the backend answered 2xx (PHP with display_errors, a servlet that printed its trace): the profile's 500.
    private async Task AnswerDebugOutputAsync(HttpContext httpContext, HttpResponseMessage upstream, RoutePolicy policy, LeakKinds leaks, GatewayRequestFeature? feature)
    {
        var status = policy.MapStatus(500);
        if (feature is not null)
        {
            feature.Changes |= GatewayChanges.ErrorNormalized | GatewayChanges.StatusRemapped | GatewayChanges.LeakRemoved;
            feature.Leaks |= leaks;
        }

        Log.DebugOutputRejected(logger, (int)upstream.StatusCode, leaks, status);
        var error = new StandardError(status, StatusDefaults.GenericMessage(status), feature?.CorrelationId, httpContext.Request.Path.Value);
        await ErrorResponseWriter.WriteAsync(httpContext, policy.Profile, error);
    }

    private async Task AnswerRuleAsync(HttpContext httpContext, RoutePolicy policy, RuleOutcome rule, int upstreamStatus, GatewayRequestFeature? feature)
    {
        if (feature is not null)
        {
            feature.Changes |= GatewayChanges.ErrorNormalized | GatewayChanges.StatusRemapped;
            feature.Leaks |= rule.Leaks;
        }

        Log.RuleMatched(logger, upstreamStatus, rule.Status);
        var error = new StandardError(rule.Status, rule.Message ?? StatusDefaults.GenericMessage(rule.Status), feature?.CorrelationId, httpContext.Request.Path.Value);
        await ErrorResponseWriter.WriteAsync(httpContext, policy.Profile, error);
    }

    // A fault the backend answered 2xx: normalized as if it had come with the status SOAP gives it.
    private Task AnswerSoapFaultAsync(
        HttpContext httpContext, HttpResponseMessage upstream, RoutePolicy policy, int faultStatus, ReadOnlySpan<byte> body, GatewayRequestFeature? feature)
    {
        var verdict = ErrorNormalizer.Normalize(faultStatus, upstream.Content.Headers.ContentType?.ToString(), body, false, policy.Profile, policy.NormalizerSettings);
        if (feature is not null)
        {
            feature.Changes |= GatewayChanges.ErrorNormalized | GatewayChanges.StatusRemapped
                | (verdict.Leaks != LeakKinds.None ? GatewayChanges.LeakRemoved : 0);
            feature.Leaks |= verdict.Leaks;
        }

        Log.SoapFaultAnswered(logger, (int)upstream.StatusCode, verdict.Status, verdict.Leaks);
        var error = new StandardError(verdict.Status, verdict.Message, feature?.CorrelationId, httpContext.Request.Path.Value);
        return ErrorResponseWriter.WriteAsync(httpContext, policy.Profile, error);
    }

    // WCF can write its envelopes in UTF-16 (writeEncoding="utf-16"): the fault is looked for in the text, not its bytes.
    private static bool IsJson(string? mediaType) =>
        mediaType is not null && (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("text/json", StringComparison.OrdinalIgnoreCase));

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Upstream {UpstreamStatus} body matched a route rule; answered {StatusCode}")]
        public static partial void RuleMatched(ILogger logger, int upstreamStatus, int statusCode);

        [LoggerMessage(2, LogLevel.Information, "Dropped {Count} debug field(s) from a success body")]
        public static partial void DebugFieldsDropped(ILogger logger, int count);

        [LoggerMessage(3, LogLevel.Warning, "Upstream {UpstreamStatus} body carried debug output (leaks: {Leaks}); answered {StatusCode}")]
        public static partial void DebugOutputRejected(ILogger logger, int upstreamStatus, LeakKinds leaks, int statusCode);

        [LoggerMessage(4, LogLevel.Information, "Upstream {UpstreamStatus} body was a SOAP fault (leaks: {Leaks}); answered {StatusCode}")]
        public static partial void SoapFaultAnswered(ILogger logger, int upstreamStatus, int statusCode, LeakKinds leaks);
    }
}
