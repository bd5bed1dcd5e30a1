using System.Net.Http.Headers;

namespace Gateway.Proxy;

/// <summary>
/// Refuses upstream answers the gateway cannot pass on faithfully; the failure is YARP's like any unreadable answer:
/// the profile's 5xx with payload, as NGINX answers 502.
/// <list type="bullet">
/// <item>A transfer coding other than chunked (<c>Transfer-Encoding: gzip</c>): HttpClient decodes only chunked, so the
/// bytes would reach the client still coded, under a fresh framing and with no header saying so.</item>
/// <item>A final status below 100 (<c>HTTP/1.1 000</c>, <c>099</c>): HttpClient reads any three digits, and Kestrel would
/// send the number on as an invalid status line (<c>HTTP/1.1 0</c>) with the upstream's body, which no normalization
/// step judges (it is neither a success nor an error). NGINX: "upstream sent invalid status".</item>
/// </list>
/// One handler for both: one more async layer per proxied request is what a second guard would cost.
/// </summary>
internal sealed class UnreadableResponseGuard(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if ((int)response.StatusCode < 100)
        {
            response.Dispose();
            throw new HttpRequestException(HttpRequestError.InvalidResponse, $"The upstream sent an invalid status code: {(int)response.StatusCode}.");
        }

        // The raw values: the typed collection would parse (and allocate) on every response.
        if (response.Headers.NonValidated.TryGetValues("Transfer-Encoding", out var codings) && HasOtherCoding(codings))
        {
            response.Dispose();
            throw new HttpRequestException(HttpRequestError.InvalidResponse, "The upstream used a transfer coding other than chunked.");
        }

        return response;
    }

    private static bool HasOtherCoding(HeaderStringValues values)
    {
        foreach (var value in values)
        {
            foreach (var range in value.AsSpan().Split(','))
            {
                var coding = value.AsSpan()[range].Trim();
                if (!coding.IsEmpty && !coding.Equals("chunked", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
