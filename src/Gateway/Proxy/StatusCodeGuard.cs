namespace Gateway.Proxy;

/// <summary>
/// Refuses an upstream final status below 100 (<c>HTTP/1.1 000</c>, <c>099</c>): HttpClient reads any three digits,
/// and Kestrel would send the number on as an invalid status line (<c>HTTP/1.1 0</c>) with the upstream's body, which
/// no normalization step judges (it is neither a success nor an error). NGINX answers 502 ("upstream sent invalid
/// status"); so does the gateway: the profile's 5xx with payload.
/// </summary>
internal sealed class StatusCodeGuard(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if ((int)response.StatusCode < 100)
        {
            response.Dispose();
            throw new HttpRequestException(HttpRequestError.InvalidResponse, $"The upstream sent an invalid status code: {(int)response.StatusCode}.");
        }

        return response;
    }
}
