namespace LegacyBackend.Hosting;

internal static class InternalAddress
{
    /// <summary>
    /// The absolute address this backend believes it lives at, built from the Host it was called with,
    /// the way old apps build Location headers. Behind the gateway that is the gateway's destination
    /// address (e.g. http://127.0.0.1:5080), which is exactly what the gateway has to rewrite.
    /// </summary>
    public static string Of(HttpRequest request)
    {
        if (request.Host.HasValue)
        {
            return $"{request.Scheme}://{request.Host.Value}";
        }

        // HTTP/1.0 clients may send no Host: fall back to the socket we were reached on.
        var connection = request.HttpContext.Connection;
        return $"{request.Scheme}://{connection.LocalIpAddress}:{connection.LocalPort}";
    }
}
