using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Gateway.Cors;

/// <summary>
/// ASP.NET Core's CORS service, with two gateway rules on routes that have a gateway policy: the gateway's answer
/// replaces whatever Access-Control-* headers the upstream sent (so a browser never sees two, or a contradicting
/// pair), and every answer that depends on the origin says <c>Vary: Origin</c> exactly once.
/// </summary>
internal sealed class GatewayCorsService(IOptions<CorsOptions> options, ILoggerFactory loggerFactory) : CorsService(options, loggerFactory)
{
    private const string Origin = "Origin";

    public override void ApplyResult(CorsResult result, HttpResponse response)
    {
        // Runs when the response starts: after the upstream's headers were copied, and after any error rewrite.
        var headers = response.Headers;
        foreach (var name in headers.Keys.Where(IsCorsResponseHeader).ToList())
        {
            headers.Remove(name);
        }

        var vary = WithoutOrigin(headers.Vary);
        headers.Remove(HeaderNames.Vary);
        base.ApplyResult(result, response);
        headers.Remove(HeaderNames.Vary);

        // ASP.NET adds Vary only for several origins; a single exact origin is origin-dependent too (others get no
        // Access-Control-Allow-Origin), so a shared cache must not hand one origin's answer to another. "*" is not.
        var dependsOnOrigin = result.AllowedOrigin != CorsConstants.AnyOrigin || result.SupportsCredentials || result.VaryByOrigin;
        headers.Vary = dependsOnOrigin ? StringValues.Concat(vary, Origin) : vary;
        if (StringValues.IsNullOrEmpty(headers.Vary))
        {
            headers.Remove(HeaderNames.Vary);
        }
    }

    private static bool IsCorsResponseHeader(string name) => name.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase);

    private static StringValues WithoutOrigin(StringValues vary)
    {
        var kept = new List<string>();
        foreach (var value in vary)
        {
            foreach (var token in (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!token.Equals(Origin, StringComparison.OrdinalIgnoreCase))
                {
                    kept.Add(token);
                }
            }
        }

        return kept.Count == 0 ? StringValues.Empty : new StringValues(string.Join(", ", kept));
    }
}
