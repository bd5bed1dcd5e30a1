using Microsoft.Extensions.Primitives;

namespace Gateway.Preconditions;

/// <summary>A tag the route answered with, and what a 304 for it carries; immutable once stored.</summary>
/// <param name="OpaqueTag">The tag's quoted opaque part, compared weakly with <c>If-None-Match</c>.</param>
/// <param name="Headers">The fields a 304 keeps (RFC 9110 §15.4.5), the <c>ETag</c> among them; no <c>Date</c>.</param>
/// <param name="VaryNames">The request fields the response's <c>Vary</c> named.</param>
/// <param name="VaryValues">Their values in the request that was recorded, in the same order.</param>
/// <param name="Stripe">The write counter of the entry's path (<see cref="ResourceWriteVersions"/>).</param>
/// <param name="Version">The counter's value before the recorded GET went upstream.</param>
/// <param name="ExpiresAt">When the entry stops answering, in <see cref="Environment.TickCount64"/> milliseconds.</param>
internal sealed record ValidatorCacheEntry(
    string OpaqueTag,
    KeyValuePair<string, StringValues>[] Headers,
    string[] VaryNames,
    StringValues[] VaryValues,
    int Stripe,
    long Version,
    long ExpiresAt)
{
    /// <summary>Whether the request sends the same values of the <c>Vary</c> fields as the recorded one (RFC 9111 §4.1).</summary>
    public bool VaryMatches(IHeaderDictionary requestHeaders)
    {
        for (var i = 0; i < VaryNames.Length; i++)
        {
            if (!StringValues.Equals(requestHeaders[VaryNames[i]], VaryValues[i]))
            {
                return false;
            }
        }

        return true;
    }
}
