using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Gateway.Cors;

/// <summary>
/// The answer to a request without <c>Origin</c> on a route with a gateway policy. ASP.NET Core's CORS middleware
/// leaves such a request alone, so the upstream's own <c>Access-Control-*</c> headers would pass: an
/// <c>Access-Control-Allow-Origin: *</c> that a shared cache then hands to any site's script, past the route's
/// policy. They go here too, and an answer the policy makes origin-dependent says <c>Vary: Origin</c> (as Spring and
/// rs/cors do), so a cache never gives a browser the answer made for a request without an origin.
/// </summary>
internal static class NonCorsResponse
{
    private const string Origin = "Origin";

    /// <summary>Applies the route's policy to the upstream's headers; true when upstream CORS headers were removed.</summary>
    public static bool Apply(IHeaderDictionary headers, CorsPolicy policy)
    {
        // Nearly every backend sends none: the list is made only when one is there (this runs on every such request).
        List<string>? found = null;
        foreach (var header in headers)
        {
            if (header.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase))
            {
                (found ??= []).Add(header.Key);
            }
        }

        var removed = false;
        foreach (var name in found ?? [])
        {
            removed |= headers.Remove(name);
        }

        if (!policy.AllowAnyOrigin && !VariesByOrigin(headers.Vary))
        {
            headers.Vary = StringValues.Concat(headers.Vary, Origin);
        }

        return removed;
    }

    private static bool VariesByOrigin(StringValues vary)
    {
        foreach (var value in vary)
        {
            foreach (var token in (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (token.Equals(Origin, StringComparison.OrdinalIgnoreCase) || token == "*")
                {
                    return true;
                }
            }
        }

        return false;
    }
}
