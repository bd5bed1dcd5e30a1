using Gateway.Transforms.Headers;
using Microsoft.Net.Http.Headers;

namespace Gateway.Proxy;

/// <summary>Removes from the response the headers the upstream's <c>Connection</c> field nominates (RFC 9110 §7.6.1),
/// after YARP copied them. Content headers describe the body being forwarded and stay; so does the gateway's correlation
/// id. (A client's nominations never reach here: Kestrel keeps only <c>close</c>/<c>keep-alive</c> of its Connection.)</summary>
internal static class NominatedHopHeaders
{
    /// <summary>From the response going to the client, what the upstream's <c>Connection</c> names.</summary>
    public static bool RemoveFromResponse(HttpResponseMessage upstream, IHeaderDictionary response, string? correlationHeader)
    {
        if (!upstream.Headers.NonValidated.TryGetValues(HeaderNames.Connection, out var values))
        {
            return false;
        }

        var removed = false;
        foreach (var value in values)
        {
            foreach (var name in ConnectionOptions.Names(value))
            {
                if (!IsProtected(name, correlationHeader))
                {
                    removed |= response.Remove(name.ToString());
                }
            }
        }

        return removed;
    }

    private static bool IsProtected(ReadOnlySpan<char> name, string? correlationHeader) =>
        name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)
        || name.Equals(HeaderNames.TransferEncoding, StringComparison.OrdinalIgnoreCase)
        || (correlationHeader is not null && name.Equals(correlationHeader, StringComparison.OrdinalIgnoreCase));
}
