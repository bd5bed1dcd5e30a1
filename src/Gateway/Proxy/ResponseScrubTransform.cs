using Gateway.Configuration;
using Gateway.Middleware;
using Gateway.Transforms.Errors;
using Gateway.Transforms.Headers;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy.Model;
using Yarp.ReverseProxy.Transforms;

namespace Gateway.Proxy;

/// <summary>
/// Runs on every upstream response after YARP copied the headers: records the upstream status, removes leaky
/// headers, hides the hosts named in <c>Via</c>, rewrites internal <c>Location</c>s, and hands 4xx/5xx to error normalization. Success bodies stream on unless the route has body rules.
/// </summary>
internal sealed partial class ResponseScrubTransform(
    GatewaySnapshotAccessor store,
    ErrorNormalizationStep normalization,
    SuccessBodyStep successBody,
    ILogger<ResponseScrubTransform> logger,
    string routeId,
    string? removedPrefix,
    string? addedPrefix,
    string? corsPolicy) : ResponseTransform
{
    // Not a standard field (WHATWG HTML), but browsers follow it like a redirect, and backends send it with Location.
    private const string RefreshHeader = "Refresh";

    public override ValueTask ApplyAsync(ResponseTransformContext context)
    {
        var upstream = context.ProxyResponse;
        if (upstream is null)
        {
            return ValueTask.CompletedTask; // forwarding failed; ForwarderErrorMiddleware answers
        }

        var httpContext = context.HttpContext;
        // The route timeout bounds the wait for response headers; a long download must not be cut by it.
        httpContext.Features.Get<IHttpRequestTimeoutFeature>()?.DisableTimeout();

        var snapshot = store.Current;
        var policy = snapshot.PolicyFor(routeId);
        var feature = httpContext.Features.Get<GatewayRequestFeature>();
        if (feature is not null)
        {
            feature.UpstreamStatus = (int)upstream.StatusCode;
        }

        var headers = httpContext.Response.Headers;
        if (NominatedHopHeaders.RemoveFromResponse(upstream, headers, feature?.CorrelationHeader) && feature is not null)
        {
            feature.Changes |= GatewayChanges.HeadersStripped;
        }

        if (policy.StripHeaders && (StripLeakyHeaders(headers, snapshot) | DropReasonPhrase(httpContext)) && feature is not null)
        {
            feature.Changes |= GatewayChanges.HeadersStripped;
        }

        // A CORS request gets the policy's headers when the response starts (GatewayCorsService); one without Origin must
        // not keep the upstream's instead.
        if (corsPolicy is not null && !httpContext.Request.Headers.ContainsKey(HeaderNames.Origin)
            && snapshot.Cors.Policies.TryGetValue(corsPolicy, out var cors) && Cors.NonCorsResponse.Apply(headers, cors) && feature is not null)
        {
            feature.Changes |= GatewayChanges.HeadersStripped;
        }

        if (headers.ContainsKey(HeaderNames.SetCookie) && RewriteCookies(headers, policy.StripHeaders) && feature is not null)
        {
            feature.Changes |= GatewayChanges.LocationRewritten;
        }

        // 304 is no redirect: it stays as it is, validators and all.
        var status = (int)upstream.StatusCode;
        var redirect = policy.NormalizeErrors && status is >= 300 and < 400 and not 304;
        if (redirect && policy.StatusMap?.TryGetValue(status, out var mappedError) == true && mappedError >= 400)
        {
            // The route's map says this backend's 3xx is a failure: answered as that error, whatever its Location.
            return normalization.AnswerRedirectAsync(context, policy, RedirectKind.Unfollowable);
        }

        if (redirect && headers.Location is [{ } location] && RedirectMeaning.Classify(location) is not RedirectKind.Redirect and var meaning)
        {
            return normalization.AnswerRedirectAsync(context, policy, meaning);
        }

        if ((headers.ContainsKey(HeaderNames.Location) || headers.ContainsKey(HeaderNames.ContentLocation) || headers.ContainsKey(HeaderNames.Link)
             || headers.ContainsKey(RefreshHeader))
            && RewriteLocations(httpContext, headers, snapshot))
        {
            if (feature is not null)
            {
                feature.Changes |= GatewayChanges.LocationRewritten;
            }

            if (status is >= 300 and < 400)
            {
                // A redirect's little HTML body ("Object moved to here") repeats the internal address; clients ignore it.
                DropBody(context, headers);
            }
        }

        if (redirect)
        {
            // Checked after the rewrite, which removes a Location naming a file. A status that is no redirect, or a
            // redirect going nowhere, is the backend failing (its body is often the stack trace): the profile's 500.
            if (!RedirectMeaning.IsFollowable(status, headers.Location))
            {
                return normalization.AnswerRedirectAsync(context, policy, RedirectKind.Unfollowable);
            }

            // Every redirect's body goes, not only a rewritten one's: it is a note for a human ("Object moved"), which
            // is where a backend prints its internal URLs and debug output, and no API client reads it.
            DropBody(context, headers);
        }

        var maxBodyBytes = snapshot.Options.MaxErrorBodyBytes;
        if (status >= 400)
        {
            return policy.NormalizeErrors
                ? normalization.ApplyAsync(context, policy, maxBodyBytes, TimeSpan.FromSeconds(snapshot.Options.ErrorBodyTimeoutSeconds))
                : ValueTask.CompletedTask;
        }

        if (SuccessStatusMapping.Apply(context, policy) && feature is not null)
        {
            feature.Changes |= GatewayChanges.StatusRemapped;
        }

        if (policy.SuccessConformance && SuccessConformance.Apply(context, policy, maxBodyBytes) && feature is not null)
        {
            feature.Changes |= GatewayChanges.StatusRemapped;
        }

        return context.SuppressResponseBody ? ValueTask.CompletedTask
            : SuccessBodyStep.Qualifies(httpContext, upstream, policy, maxBodyBytes) ? successBody.ApplyAsync(context, policy, maxBodyBytes)
            : policy.SuccessConformance && EmptyBodyProbe.Applies(httpContext, upstream) ? EmptyBodyProbe.ApplyAsync(context)
            : ValueTask.CompletedTask;
    }

    /// <summary>The same removals for the upstream's trailer fields, which YARP copies to clients that take trailers
    /// (HTTP/2 and later): a backend can send <c>X-Powered-By</c> or an <c>X-Error: ORA-00942 …</c> after its body too.</summary>
    public void StripLeakyTrailers(HttpContext httpContext)
    {
        var trailers = httpContext.Features.Get<IHttpResponseTrailersFeature>()?.Trailers;
        if (trailers is null || trailers.IsReadOnly || trailers.Count == 0)
        {
            return;
        }

        var snapshot = store.Current;
        if (snapshot.PolicyFor(routeId).StripHeaders && StripLeakyHeaders(trailers, snapshot)
            && httpContext.Features.Get<GatewayRequestFeature>() is { } feature)
        {
            feature.Changes |= GatewayChanges.HeadersStripped;
        }
    }

    private static void DropBody(ResponseTransformContext context, IHeaderDictionary headers)
    {
        context.SuppressResponseBody = true;
        headers.ContentLength = 0;
        headers.Remove(HeaderNames.ContentType);
        headers.Remove(HeaderNames.ContentEncoding);
    }

    private static bool HasConfiguredPrefix(IReadOnlyList<string> prefixes, string name)
    {
        for (var i = 0; i < prefixes.Count; i++)
        {
            if (name.StartsWith(prefixes[i], StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private bool StripLeakyHeaders(IHeaderDictionary headers, GatewaySnapshot snapshot)
    {
        // Walk the few headers present rather than the long deny list.
        string[]? found = null;
        var count = 0;
        var via = false;
        var csp = false;
        foreach (var header in headers)
        {
            if (snapshot.StrippedHeaders.Contains(header.Key) || LeakyResponseHeaders.HasDebugPrefix(header.Key)
                || HasConfiguredPrefix(snapshot.StrippedHeaderPrefixes, header.Key)
                || (LeakyHeaderValue.IsJudged(header.Key) && Leaks(header.Key, header.Value)))
            {
                found ??= new string[headers.Count];
                found[count++] = header.Key;
            }
            else
            {
                csp |= ReportingHeaders.IsContentSecurityPolicy(header.Key);
            }

            via |= header.Key.Equals(HeaderNames.Via, StringComparison.OrdinalIgnoreCase);
        }

        for (var i = 0; i < count; i++)
        {
            headers.Remove(found![i]);
        }

        return (via && HideViaHosts(headers)) | (csp && DropInternalReportDirectives(headers)) | count > 0;
    }

    // A CSP stays (without it the client loses its protection); only a report-uri / report-to naming an internal host goes.
    private static bool DropInternalReportDirectives(IHeaderDictionary headers)
    {
        var changed = false;
        foreach (var name in (ReadOnlySpan<string>)[HeaderNames.ContentSecurityPolicy, HeaderNames.ContentSecurityPolicyReportOnly])
        {
            var values = headers[name].ToArray();
            var rewrote = false;
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i] is { } policy && ReportingHeaders.WithoutInternalReportDirectives(policy) is { } rewritten)
                {
                    values[i] = rewritten;
                    rewrote = true;
                }
            }

            if (rewrote)
            {
                // A policy that was nothing but its report directive goes with it.
                var kept = values.Where(v => !string.IsNullOrEmpty(v)).ToArray();
                if (kept.Length == 0)
                {
                    headers.Remove(name);
                }
                else
                {
                    headers[name] = kept;
                }

                changed = true;
            }
        }

        return changed;
    }

    // A header of the backend's own whose value gives away an exception, a path or an internal address. Its name and
    // the kinds go to the debug log (no list named it, so an operator may wonder where it went); the value never does.
    private bool Leaks(string name, StringValues values)
    {
        foreach (var value in values)
        {
            if (LeakyHeaderValue.Scan(name, value) is var leaks and not LeakKinds.None)
            {
                Log.HeaderValueLeaks(logger, name, leaks);
                return true;
            }
        }

        return false;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Response header {HeaderName} removed: its value shows {Leaks}")]
        public static partial void HeaderValueLeaks(ILogger logger, string headerName, LeakKinds leaks);
    }

    // YARP copies the upstream's reason phrase; old servers put a host, a version or an exception message there
    // ("200 OK - app-07.corp", "500 java.lang.NullPointerException"). Without one, Kestrel writes the standard phrase.
    private static bool DropReasonPhrase(HttpContext httpContext)
    {
        var response = httpContext.Features.Get<IHttpResponseFeature>();
        if (response?.ReasonPhrase is null)
        {
            return false;
        }

        var standard = ReasonPhrases.GetReasonPhrase(response.StatusCode);
        var leaky = !string.Equals(response.ReasonPhrase, standard, StringComparison.Ordinal);
        response.ReasonPhrase = null;
        return leaky;
    }

    // The hosts behind the gateway named in Via (a proxy's name and port, often its software) become a pseudonym.
    private static bool HideViaHosts(IHeaderDictionary headers)
    {
        var rewritten = ViaPseudonyms.Rewrite(headers.Via.ToString(), out var unreadable);
        if (unreadable)
        {
            headers.Remove(HeaderNames.Via);
            return true;
        }

        if (rewritten is null)
        {
            return false;
        }

        headers.Via = rewritten;
        return true;
    }

    // Cookie domains and paths name the upstream's world like Location does (SetCookieRewriter).
    private bool RewriteCookies(IHeaderDictionary headers, bool dropInternalDomain)
    {
        var values = headers.SetCookie.ToArray();
        var changed = false;
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is { } cookie && SetCookieRewriter.TryRewrite(cookie, removedPrefix, addedPrefix, dropInternalDomain) is { } rewritten)
            {
                values[i] = rewritten;
                changed = true;
            }
        }

        if (changed)
        {
            headers.SetCookie = values;
        }

        return changed;
    }

    private bool RewriteLocations(HttpContext httpContext, IHeaderDictionary headers, GatewaySnapshot snapshot)
    {
        var destinations = httpContext.Features.Get<IReverseProxyFeature>()?.Cluster?.Config.Destinations?.Values.Select(d => d.Address) ?? [];
        var publicBase = TrustedProxy.PublicBase(httpContext, snapshot);
        var changed = false;
        // Every field line: a backend that sends its Location twice (a framework and a filter each adding one) names
        // the inside twice. A redirect with two is refused later (IsFollowable); a 201's pass, rewritten.
        foreach (var name in (ReadOnlySpan<string>)[HeaderNames.Location, HeaderNames.ContentLocation, RefreshHeader])
        {
            var values = headers[name].ToArray();
            var rewrote = false;
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i] is { } value
                    && (string.Equals(name, RefreshHeader, StringComparison.Ordinal)
                        ? RefreshRewriter.TryRewrite(value, destinations, publicBase, removedPrefix, addedPrefix)
                        : LocationRewriter.TryRewrite(value, destinations, publicBase, removedPrefix, addedPrefix)) is { } rewritten)
                {
                    values[i] = rewritten; // LocationRewriter.Drop (a file or share path) is dropped below
                    rewrote = true;
                }
            }

            if (rewrote)
            {
                var kept = values.Where(v => v is { Length: > 0 }).ToArray();
                if (kept.Length == 0)
                {
                    headers.Remove(name);
                }
                else
                {
                    headers[name] = kept;
                }

                changed = true;
            }
        }

        // Pagination links name the upstream's own address just as Location does; each header line on its own.
        var links = headers.Link;
        if (links.Count > 0)
        {
            var values = links.ToArray();
            var linkChanged = false;
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i] is { } link && LinkRewriter.TryRewrite(link, destinations, publicBase, removedPrefix, addedPrefix) is { } rewritten)
                {
                    values[i] = rewritten;
                    linkChanged = true;
                }
            }

            if (linkChanged)
            {
                var kept = values.Where(v => v is { Length: > 0 }).ToArray();
                if (kept.Length == 0)
                {
                    headers.Remove(HeaderNames.Link);
                }
                else
                {
                    headers.Link = kept;
                }

                changed = true;
            }
        }

        return changed;
    }
}
