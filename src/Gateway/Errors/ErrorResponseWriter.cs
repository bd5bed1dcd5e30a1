using Gateway.Configuration;
using Gateway.Middleware;
using Gateway.Transforms.Errors;
using Gateway.Transforms.Headers;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy.Model;

namespace Gateway.Errors;

/// <summary>
/// Writes the standard error payload for the request's route and profile. Every answer the gateway makes itself
/// (404, 500, upstream failures, later 401/403/429/412) goes through here, so all of them look the same.
/// </summary>
internal sealed class ErrorResponseWriter(GatewaySnapshotAccessor store)
{
    /// <summary>The route policy of the request, or the default when no route matched.</summary>
    public RoutePolicy PolicyFor(HttpContext context)
    {
        var routeId = context.Features.Get<IReverseProxyFeature>()?.Route.Config.RouteId
            ?? context.GetEndpoint()?.Metadata.GetMetadata<RouteModel>()?.Config.RouteId;
        return store.Current.PolicyFor(routeId);
    }

    /// <summary>Replaces the response with the standard payload. The caller checks <c>Response.HasStarted</c>.</summary>
    /// <param name="context">The request.</param>
    /// <param name="status">The status meant; mapped to the nearest one the route's profile allows.</param>
    /// <param name="message">A client-safe message, or null for the status's generic one.</param>
    /// <param name="headers">Headers the answer carries (<c>WWW-Authenticate</c>, <c>Retry-After</c>), set after clearing.</param>
    public Task WriteAsync(HttpContext context, int status, string? message = null, IReadOnlyList<KeyValuePair<string, StringValues>>? headers = null) =>
        WriteAsync(context, PolicyFor(context), status, message, headers);

    /// <summary>The 404 a path no route matches gets: the default profile's.</summary>
    public Task WriteUnroutedNotFoundAsync(HttpContext context) =>
        WriteAsync(context, store.Current.PolicyFor(null), StatusCodes.Status404NotFound, null, null);

    private static Task WriteAsync(
        HttpContext context, RoutePolicy policy, int status, string? message, IReadOnlyList<KeyValuePair<string, StringValues>>? headers)
    {
        var mapped = policy.MapStatus(status);
        var feature = context.Features.Get<GatewayRequestFeature>();
        if (feature is not null)
        {
            feature.Changes |= GatewayChanges.GatewayAnswered;
        }

        var error = new StandardError(
            mapped,
            // Our own texts are safe to show; the original status's text says more than the mapped one's (413 vs 400).
            message ?? StatusDefaults.GenericMessage(status),
            feature?.CorrelationId,
            context.Request.Path.Value);
        return WriteAsync(context, policy.Profile, error, headers);
    }

    /// <summary>Writes an already decided error (used by the normalizer, which chose status and message itself).</summary>
    public static Task WriteAsync(HttpContext context, ErrorProfile profile, StandardError error, IReadOnlyList<KeyValuePair<string, StringValues>>? headers = null)
    {
        var response = context.Response;
        ClearKeepingCors(response);
        response.StatusCode = error.Status;
        response.Headers.CacheControl = "no-store";
        foreach (var (name, value) in headers ?? [])
        {
            response.Headers[name] = value;
        }

        EnsureChallenge(context);
        EnsureRetryAfter(context);

        if (!profile.CarriesBody(error.Status))
        {
            response.ContentLength = 0;
            return Task.CompletedTask;
        }

        var body = ErrorPayloadWriter.ToUtf8Bytes(profile, error);
        response.ContentType = profile.ContentType;
        response.ContentLength = body.Length;
        // No request token: after a route timeout it is already cancelled, and the payload is small. Exactly "HEAD", as
        // Kestrel reads it (methods are case-sensitive): to Kestrel "head" is another method, whose answer needs its body.
        return string.Equals(context.Request.Method, HttpMethods.Head, StringComparison.Ordinal)
            ? Task.CompletedTask
            : response.Body.WriteAsync(body).AsTask();
    }

    /// <summary>RFC 9110 §15.5.2: a 401 carries a challenge. A legacy 401 without one (or a login redirect) gets the
    /// gateway's own: its configured credentials, else <c>Bearer</c> with the realm.</summary>
    public static void EnsureChallenge(HttpContext context)
    {
        var response = context.Response;
        if (response.StatusCode == StatusCodes.Status401Unauthorized && !response.Headers.ContainsKey(HeaderNames.WWWAuthenticate))
        {
            response.Headers.WWWAuthenticate = Challenges(context);
        }
    }

    /// <summary>Behaviour.md §3: a 429 carries <c>Retry-After</c>. A legacy 429 without a usable one (none, <c>0</c>, text)
    /// gets 1 s, and an HTTP-date becomes delay-seconds. The gateway's own limits set theirs when the response starts.</summary>
    public static void EnsureRetryAfter(HttpContext context)
    {
        var response = context.Response;
        if (response.StatusCode == StatusCodes.Status429TooManyRequests)
        {
            response.Headers.RetryAfter = RetryAfterValue.ForTooManyRequests(response.Headers.RetryAfter.ToString(), DateTimeOffset.UtcNow);
        }
    }

    private static string[] Challenges(HttpContext context)
    {
        var auth = context.RequestServices?.GetService<GatewaySnapshotAccessor>()?.Current.Auth ?? Auth.AuthSnapshot.Empty;
        var challenges = Auth.Authentication.ChallengeWriter.ForUnauthenticated(auth, null);
        return challenges.Length > 0 ? challenges : [$"{Auth.Authentication.ChallengeWriter.BearerScheme} realm=\"{auth.Realm}\""];
    }

    // CORS (as khellang's ProblemDetails middleware keeps it: a browser must still be allowed to read the error),
    // the headers that give a 401, 405, 429 or 503 its meaning (X-RateLimit-*: GitHub's and most legacy APIs'
    // spelling; Allow still lists the methods when the profile maps a 405 to 400), and the site's security policy
    // headers, which hold for its error answers too (a page framed or sniffed is a page framed or sniffed).
    private static bool IsKeptOnErrors(string name) =>
        name.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase)
        || name.Equals(HeaderNames.StrictTransportSecurity, StringComparison.OrdinalIgnoreCase)
        || name.Equals(HeaderNames.XContentTypeOptions, StringComparison.OrdinalIgnoreCase)
        || name.Equals(HeaderNames.XFrameOptions, StringComparison.OrdinalIgnoreCase)
        || name.Equals("Referrer-Policy", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("RateLimit", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("X-RateLimit-", StringComparison.OrdinalIgnoreCase)
        || name.Equals(HeaderNames.Vary, StringComparison.OrdinalIgnoreCase)
        || name.Equals(HeaderNames.WWWAuthenticate, StringComparison.OrdinalIgnoreCase)
        || name.Equals(HeaderNames.Allow, StringComparison.OrdinalIgnoreCase)
        || name.Equals(HeaderNames.RetryAfter, StringComparison.OrdinalIgnoreCase);

    private static void ClearKeepingCors(HttpResponse response)
    {
        List<KeyValuePair<string, StringValues>>? kept = null;
        foreach (var header in response.Headers)
        {
            if (IsKeptOnErrors(header.Key))
            {
                (kept ??= []).Add(header);
            }
        }

        response.Clear();
        if (kept is not null)
        {
            foreach (var header in kept)
            {
                response.Headers[header.Key] = header.Value;
            }
        }
    }
}
