using Gateway.Configuration;
using Gateway.Errors;
using Gateway.Logging;
using Gateway.Middleware;
using Gateway.Transforms.Errors;
using Gateway.Transforms.Headers;
using Gateway.Transforms.Rules;
using Microsoft.Net.Http.Headers;
using Serilog.Events;
using Yarp.ReverseProxy.Transforms;

namespace Gateway.Proxy;

/// <summary>
/// Replaces an upstream 4xx/5xx with the standard payload of the route's profile. Reads the body only up to the
/// configured bound (a larger one is not read at all), decodes it, and lets the pure normalizer and the route's
/// rules decide.
/// </summary>
internal sealed class ErrorNormalizationStep(ILoggerFactory loggers, Serilog.ILogger serilog, ErrorVerdictMemo verdicts, BufferBudget budget)
{
    // What was replaced and why; never the body, which is what carries the leak. Written for every rewritten error,
    // so built as a Serilog event directly (the same line as a source-generated call with this template).
    private readonly RequestLine _replaced = new(serilog, loggers, typeof(ErrorNormalizationStep).FullName!, new EventId(1, "Replaced"),
        "Upstream error {UpstreamStatus} ({ContentType}) replaced by {StatusCode}; leaks: {Leaks}; truncated: {Truncated}");

    public async ValueTask ApplyAsync(ResponseTransformContext context, RoutePolicy policy, int maxBodyBytes, TimeSpan bodyTimeout)
    {
        var httpContext = context.HttpContext;
        var upstream = context.ProxyResponse!;
        var upstreamStatus = (int)upstream.StatusCode;
        var feature = httpContext.Features.Get<GatewayRequestFeature>();

        // From here on the gateway writes the body itself; YARP discards the upstream's.
        context.SuppressResponseBody = true;
        var declared = upstream.Content.Headers.ContentLength;
        using var body = declared > maxBodyBytes
            ? BoundedBody.Empty(BodyReadResult.OverBound)
            : await ReadBodyAsync(upstream, declared, maxBodyBytes, bodyTimeout, context.CancellationToken, httpContext.RequestAborted);
        using var identity = IdentityBody.Decode(upstream.Content.Headers, body.Memory, maxBodyBytes);
        var truncated = body.Result != BodyReadResult.Complete || identity.Truncated || !identity.IsDecoded;

        var contentType = upstream.Content.Headers.ContentType?.ToString();

        // SOAP 1.1 sends every fault with 500 (§6.2), the sender's too: on a SoapFaultsAreErrors route that is the 400
        // it means, its fault string shown when clean, as for a fault answered 200.
        var meant = upstreamStatus == 500 && policy.SoapFaultsAreErrors && !truncated
            && SoapFaultBody.IsXml(upstream.Content.Headers.ContentType?.MediaType) && SoapFaultBody.Status(identity.Span, contentType) == 400
            ? 400 : upstreamStatus;
        var verdict = verdicts.Normalize(meant, contentType, identity.Span, truncated, policy.Profile, policy.NormalizerSettings);
        if (!truncated && ResponseRuleEvaluator.Evaluate(policy.Rules, upstreamStatus, identity.Span, contentType) is { } rule)
        {
            verdict = ApplyRule(verdict, rule);
        }

        if (feature is not null)
        {
            feature.Leaks |= verdict.Leaks;
        }

        if (verdict.PassThrough)
        {
            // Already the standard shape and clean: the upstream's own bytes, as they came.
            ErrorResponseWriter.EnsureChallenge(httpContext);
            ErrorResponseWriter.EnsureRetryAfter(httpContext);
            if (upstream.Content.Headers.ContentEncoding.Count == 0)
            {
                httpContext.Response.ContentLength = body.Length;
                await httpContext.Response.Body.WriteAsync(body.Memory, CancellationToken.None);
                return;
            }

            // Coded (or only labelled so: plain text under "gzip"): the identity bytes that were judged, without the
            // label or the coded bytes' tag, as for a rewritten error. The client may not accept the coding, and a false label breaks its decoder.
            httpContext.Response.Headers.Remove(HeaderNames.ContentEncoding);
            httpContext.Response.Headers.Remove(HeaderNames.ETag); // the coded representation's
            httpContext.Response.ContentLength = identity.Span.Length;
            await httpContext.Response.Body.WriteAsync(identity.Span.ToArray(), CancellationToken.None);
            return;
        }

        if (feature is not null)
        {
            feature.Changes |= GatewayChanges.ErrorNormalized
                | (verdict.Status != upstreamStatus ? GatewayChanges.StatusRemapped : 0)
                | (verdict.Leaks != LeakKinds.None ? GatewayChanges.LeakRemoved : 0);
        }

        LogReplaced(httpContext, upstreamStatus, verdict, contentType, truncated);
        var error = new StandardError(verdict.Status, verdict.Message, feature?.CorrelationId, httpContext.Request.Path.Value);
        await ErrorResponseWriter.WriteAsync(httpContext, policy.Profile, error);
    }

    // The status is known and the payload is the gateway's: a body that stalls is not worth the cluster's idle timeout
    // (100 s by default), so past the deadline it counts as cut off. So does a stall past a shorter idle timeout, which
    // cancels YARP's token too: only the client leaving (clientAborted) stops the answer.
    private async ValueTask<BoundedBody> ReadBodyAsync(
        HttpResponseMessage upstream, long? declared, int maxBodyBytes, TimeSpan timeout, CancellationToken cancellationToken, CancellationToken clientAborted)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var stream = await upstream.Content.ReadAsStreamAsync(cancellationToken);
        return await UpstreamBodyReader.ReadAsync(stream, declared, maxBodyBytes, budget, deadline.Token, clientAborted);
    }

    /// <summary>A redirect to the backend's error page or login form, or a 3xx no client can follow (<see cref="RedirectMeaning"/>):
    /// the profile's 500 or 401, with the generic message. The body is not read: the message would be the generic one.</summary>
    public async ValueTask AnswerRedirectAsync(ResponseTransformContext context, RoutePolicy policy, RedirectKind meaning)
    {
        var httpContext = context.HttpContext;
        var upstreamStatus = (int)context.ProxyResponse!.StatusCode;
        var feature = httpContext.Features.Get<GatewayRequestFeature>();
        context.SuppressResponseBody = true;
        var login = meaning == RedirectKind.Login;
        var status = policy.MapStatus(login ? StatusCodes.Status401Unauthorized : StatusCodes.Status500InternalServerError);
        if (meaning == RedirectKind.Unfollowable && policy.StatusMap?.TryGetValue(upstreamStatus, out var mapped) == true && mapped >= 400)
        {
            status = mapped; // the route's map names this odd 3xx (and targets an allowed error status)
        }
        if (feature is not null)
        {
            feature.Changes |= GatewayChanges.ErrorNormalized | GatewayChanges.StatusRemapped;
        }

        var verdict = new ErrorVerdict(status, StatusDefaults.GenericMessage(status), LeakKinds.None, false, false);
        LogReplaced(httpContext, upstreamStatus, verdict, meaning switch
        {
            RedirectKind.Login => "redirect to a login page",
            RedirectKind.ErrorPage => "redirect to an error page",
            _ => "3xx without a redirect",
        }, false);
        var error = new StandardError(status, verdict.Message, feature?.CorrelationId, httpContext.Request.Path.Value);
        await ErrorResponseWriter.WriteAsync(httpContext, policy.Profile, error);
    }

    // A route rule (e.g. 400 with a validation list → 422) sets the status; the message stays the clean one found.
    private static ErrorVerdict ApplyRule(ErrorVerdict verdict, RuleOutcome rule)
    {
        var message = rule.Message
            ?? (verdict.Message == StatusDefaults.GenericMessage(verdict.Status) ? StatusDefaults.GenericMessage(rule.Status) : verdict.Message);
        return verdict with { Status = rule.Status, Message = message, Leaks = verdict.Leaks | rule.Leaks, PassThrough = false };
    }

    private void LogReplaced(HttpContext context, int upstreamStatus, ErrorVerdict verdict, string? contentType, bool truncated)
    {
        if (!_replaced.IsEnabled)
        {
            return;
        }

        var properties = _replaced.Properties();
        // In the order the source-generated call had them (its parameters'), which the line has always shown.
        properties["UpstreamStatus"] = ScalarCache.Status(upstreamStatus);
        properties["StatusCode"] = ScalarCache.Status(verdict.Status);
        properties["ContentType"] = new ScalarValue(contentType ?? "none");
        properties["Leaks"] = ScalarCache.Flags(verdict.Leaks);
        properties["Truncated"] = ScalarCache.Boolean(truncated);
        _replaced.Write(context, properties);
    }
}
