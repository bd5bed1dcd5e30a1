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
    string? addedPrefix) : ResponseTransform
{
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
        if (policy.StripHeaders && (StripLeakyHeaders(headers, snapshot) | DropReasonPhrase(httpContext)) && feature is not null)
        {
            feature.Changes |= GatewayChanges.HeadersStripped;
        }

        if (headers.ContainsKey(HeaderNames.SetCookie) && RewriteCookies(headers, policy.StripHeaders) && feature is not null)
        {
            feature.Changes |= GatewayChanges.LocationRewritten;
        }

        if (policy.NormalizeErrors && upstream.StatusCode is >= System.Net.HttpStatusCode.MultipleChoices and < System.Net.HttpStatusCode.BadRequest
            && headers.Location is [{ } location] && RedirectMeaning.Classify(location) is not RedirectKind.Redirect and var meaning)
        {
            return normalization.AnswerRedirectAsync(context, policy, meaning);
        }

        if ((headers.ContainsKey(HeaderNames.Location) || headers.ContainsKey(HeaderNames.ContentLocation) || headers.ContainsKey(HeaderNames.Link))
            && RewriteLocations(httpContext, headers))
        {
            if (feature is not null)
            {
                feature.Changes |= GatewayChanges.LocationRewritten;
            }

            if (upstream.StatusCode is >= System.Net.HttpStatusCode.MultipleChoices and < System.Net.HttpStatusCode.BadRequest)
            {
                // A redirect's little HTML body ("Object moved to here") repeats the internal address; clients ignore it.
                context.SuppressResponseBody = true;
                headers.ContentLength = 0;
                headers.Remove(HeaderNames.ContentType);
                headers.Remove(HeaderNames.ContentEncoding);
            }
        }

        var maxBodyBytes = snapshot.Options.MaxErrorBodyBytes;
        if ((int)upstream.StatusCode >= 400)
        {
            return policy.NormalizeErrors
                ? normalization.ApplyAsync(context, policy, maxBodyBytes, TimeSpan.FromSeconds(snapshot.Options.ErrorBodyTimeoutSeconds))
                : ValueTask.CompletedTask;
        }

        if (SuccessStatusMapping.Apply(context, policy) && feature is not null)
        {
            feature.Changes |= GatewayChanges.StatusRemapped;
        }

        if (policy.SuccessConformance && SuccessConformance.Apply(context, policy) && feature is not null)
        {
            feature.Changes |= GatewayChanges.StatusRemapped;
        }

        return !context.SuppressResponseBody && SuccessBodyStep.Qualifies(httpContext, upstream, policy, maxBodyBytes)
            ? successBody.ApplyAsync(context, policy, maxBodyBytes)
            : ValueTask.CompletedTask;
    }

    private bool StripLeakyHeaders(IHeaderDictionary headers, GatewaySnapshot snapshot)
    {
        // Walk the few headers present rather than the long deny list.
        string[]? found = null;
        var count = 0;
        var via = false;
        foreach (var header in headers)
        {
            if (snapshot.StrippedHeaders.Contains(header.Key) || (LeakyHeaderValue.IsJudged(header.Key) && Leaks(header.Key, header.Value)))
            {
                found ??= new string[headers.Count];
                found[count++] = header.Key;
            }

            via |= header.Key.Equals(HeaderNames.Via, StringComparison.OrdinalIgnoreCase);
        }

        for (var i = 0; i < count; i++)
        {
            headers.Remove(found![i]);
        }

        return (via && HideViaHosts(headers)) | count > 0;
    }

    // A header of the backend's own whose value gives away an exception, a path or an internal address. Its name and
    // the kinds go to the debug log (no list named it, so an operator may wonder where it went); the value never does.
    private bool Leaks(string name, StringValues values)
    {
        foreach (var value in values)
        {
            if (LeakyHeaderValue.Scan(value) is var leaks and not LeakKinds.None)
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

    private bool RewriteLocations(HttpContext httpContext, IHeaderDictionary headers)
    {
        var destinations = httpContext.Features.Get<IReverseProxyFeature>()?.Cluster?.Config.Destinations?.Values.Select(d => d.Address) ?? [];
        var request = httpContext.Request;
        var publicBase = $"{request.Scheme}://{request.Host}{request.PathBase}";
        var changed = false;
        foreach (var name in (ReadOnlySpan<string>)[HeaderNames.Location, HeaderNames.ContentLocation])
        {
            var value = headers[name];
            if (value.Count != 1)
            {
                continue;
            }

            var rewritten = LocationRewriter.TryRewrite(value[0]!, destinations, publicBase, removedPrefix, addedPrefix);
            if (rewritten is not null)
            {
                headers[name] = rewritten;
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
                headers.Link = values;
                changed = true;
            }
        }

        return changed;
    }
}
