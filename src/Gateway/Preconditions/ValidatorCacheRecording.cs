using System.Collections.Frozen;
using Gateway.Middleware;
using Gateway.Transforms.Preconditions;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Gateway.Preconditions;

/// <summary>
/// Set on a GET/HEAD that missed the validator cache: the ETag transform offers the tag it answered with, and the
/// cache step stores it once the response went out whole and no write to the path happened meanwhile.
/// </summary>
internal sealed class ValidatorCacheRecording(ValidatorCache cache, string key, bool keyedByCaller, int stripe, long version)
{
    // Representation metadata a 304 does not carry (as NotModifiedResponse), fields that must be fresh per answer
    // (Date, Age), Last-Modified (a 304 with an ETag drops it) and the ETag itself, which is added from the tag.
    private static readonly FrozenSet<string> s_notKept = new[]
    {
        HeaderNames.ContentType, HeaderNames.ContentLength, HeaderNames.ContentEncoding, HeaderNames.ContentLanguage,
        HeaderNames.ContentRange, HeaderNames.ContentMD5, HeaderNames.TransferEncoding, HeaderNames.LastModified,
        HeaderNames.Date, HeaderNames.Age, HeaderNames.SetCookie, HeaderNames.ETag, HeaderNames.Connection,
        HeaderNames.KeepAlive, HeaderNames.Trailer, HeaderNames.Upgrade,
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public ValidatorCache Cache { get; } = cache;

    public string Key { get; } = key;

    public int Stripe { get; } = stripe;

    public long Version { get; } = version;

    /// <summary>What to store if the exchange completes; null when nothing may be recorded.</summary>
    public ValidatorCacheEntry? Candidate { get; private set; }

    /// <summary>
    /// Offers the tag of a 200 (or an upstream's 304) about to be sent. Only fields the upstream sent are kept (not
    /// the gateway's own, such as rate-limit fields), with the values the client gets (after scrubbing).
    /// </summary>
    public void Offer(HttpContext http, HttpResponseMessage upstream, EntityTag tag)
    {
        Candidate = null;
        var headers = http.Response.Headers;
        var vary = Joined(headers.Vary);
        if (!ValidatorCacheRules.CanRecord(Joined(headers.CacheControl), vary, headers.ContainsKey(HeaderNames.SetCookie), keyedByCaller))
        {
            return;
        }

        var correlationHeader = http.Features.Get<GatewayRequestFeature>()?.CorrelationHeader;
        var kept = new List<KeyValuePair<string, StringValues>> { new(HeaderNames.ETag, tag.ToString()) };
        foreach (var (name, value) in headers)
        {
            if (!s_notKept.Contains(name)
                && !string.Equals(name, correlationHeader, StringComparison.OrdinalIgnoreCase)
                && (upstream.Headers.NonValidated.Contains(name) || upstream.Content.Headers.NonValidated.Contains(name)))
            {
                kept.Add(new(name, value));
            }
        }

        var varyNames = ValidatorCacheRules.VaryNames(vary);
        var varyValues = Array.ConvertAll(varyNames, name => http.Request.Headers[name]);
        Candidate = new ValidatorCacheEntry(tag.OpaqueTag, [.. kept], varyNames, varyValues, Stripe, Version, ExpiresAt: 0);
    }

    private static string? Joined(StringValues values) => values.Count == 0 ? null : values.ToString();
}
