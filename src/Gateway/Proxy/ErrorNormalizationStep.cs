using System.Buffers;
using Gateway.Configuration;
using Gateway.Errors;
using Gateway.Middleware;
using Gateway.Transforms.Compression;
using Gateway.Transforms.Errors;
using Yarp.ReverseProxy.Transforms;

namespace Gateway.Proxy;

/// <summary>
/// Replaces an upstream 4xx/5xx with the standard payload of the route's profile. Reads the body only up to the
/// configured bound (past it the body is dropped), decodes it, and lets the pure normalizer decide.
/// </summary>
internal sealed partial class ErrorNormalizationStep(ILogger<ErrorNormalizationStep> logger)
{
    public async ValueTask ApplyAsync(ResponseTransformContext context, RoutePolicy policy, int maxBodyBytes)
    {
        var httpContext = context.HttpContext;
        var upstream = context.ProxyResponse!;
        var upstreamStatus = (int)upstream.StatusCode;
        var feature = httpContext.Features.Get<GatewayRequestFeature>();

        // From here on the gateway writes the body itself; YARP discards the upstream's.
        context.SuppressResponseBody = true;
        var body = await UpstreamBodyReader.ReadAsync(upstream.Content, maxBodyBytes, context.CancellationToken);
        byte[]? decoded = null;
        try
        {
            var encoding = upstream.Content.Headers.ContentEncoding.Count == 0 ? null : string.Join(',', upstream.Content.Headers.ContentEncoding);
            var identity = ReadOnlySpan<byte>.Empty;
            var truncated = body.Truncated;
            if (ContentDecoder.TryDecode(encoding, body.Span, maxBodyBytes, out decoded, out var decodedLength, out var decodeTruncated))
            {
                identity = decoded.AsSpan(0, decodedLength);
                truncated |= decodeTruncated;
            }
            else
            {
                truncated = true; // unknown coding or corrupt data: nothing in it can be trusted
            }

            var contentType = upstream.Content.Headers.ContentType?.ToString();
            var verdict = ErrorNormalizer.Normalize(upstreamStatus, contentType, identity, truncated, policy.Profile, policy.NormalizerSettings);
            if (feature is not null)
            {
                feature.Leaks |= verdict.Leaks;
            }

            if (verdict.PassThrough)
            {
                // Already the standard shape and clean: the upstream's own bytes, as they came.
                httpContext.Response.ContentLength = body.Length;
                await httpContext.Response.Body.WriteAsync(body.Memory, CancellationToken.None);
                return;
            }

            if (feature is not null)
            {
                feature.Changes |= GatewayChanges.ErrorNormalized
                    | (verdict.Status != upstreamStatus ? GatewayChanges.StatusRemapped : 0)
                    | (verdict.Leaks != LeakKinds.None ? GatewayChanges.LeakRemoved : 0);
            }

            Log.Replaced(logger, upstreamStatus, verdict.Status, contentType ?? "none", verdict.Leaks, truncated);
            var error = new StandardError(verdict.Status, verdict.Message, feature?.CorrelationId, httpContext.Request.Path.Value);
            await ErrorResponseWriter.WriteAsync(httpContext, policy.Profile, error);
        }
        finally
        {
            body.Dispose();
            if (decoded is not null)
            {
                ArrayPool<byte>.Shared.Return(decoded);
            }
        }
    }

    private static partial class Log
    {
        // What was replaced and why; never the body, which is what carries the leak.
        [LoggerMessage(1, LogLevel.Information, "Upstream error {UpstreamStatus} ({ContentType}) replaced by {StatusCode}; leaks: {Leaks}; truncated: {Truncated}")]
        public static partial void Replaced(ILogger logger, int upstreamStatus, int statusCode, string contentType, LeakKinds leaks, bool truncated);
    }
}
