using System.Net.Http.Headers;

namespace Gateway.Proxy;

/// <summary>
/// Refuses an upstream response framed with a transfer coding other than chunked (<c>Transfer-Encoding: gzip</c>):
/// HttpClient decodes only chunked, so the bytes would reach the client still coded, under a fresh framing and with no
/// header saying so. The failure is YARP's like any unreadable answer: the profile's 5xx with payload (NGINX: 502).
/// </summary>
internal sealed class TransferCodingGuard(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
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
