using System.Collections.Frozen;

namespace Gateway.Transforms.Errors;

/// <summary>
/// One guideline document's rules: the statuses a client may see, the default map for the rest,
/// the content type, and which statuses carry a body.
/// </summary>
public sealed class ErrorProfile
{
    /// <summary>Ed-Fi Table 6.</summary>
    public static readonly ErrorProfile EdFi = new(
        ErrorProfileKind.EdFi,
        "application/json",
        allowed: [200, 201, 204, 304, 400, 401, 403, 404, 409, 412, 429, 500],
        defaultMap: new Dictionary<int, int>
        {
            [202] = 200, [203] = 200, [205] = 204, [207] = 200, [208] = 200, [226] = 200,
            [407] = 401, [410] = 404, [423] = 409, [428] = 412, [451] = 404,
        });

    /// <summary>The RESTful best-practices page with RFC 9457 payloads.</summary>
    public static readonly ErrorProfile ProblemDetails = new(
        ErrorProfileKind.ProblemDetails,
        "application/problem+json",
        allowed: [200, 201, 202, 204, 304, 400, 401, 403, 404, 409, 412, 422, 429, 500, 502, 503, 504],
        defaultMap: new Dictionary<int, int>
        {
            [203] = 200, [205] = 204, [207] = 200, [208] = 200, [226] = 200,
            [407] = 401, [410] = 404, [423] = 409, [424] = 422, [428] = 412, [451] = 404,
        });

    private readonly FrozenSet<int> _allowed;

    private ErrorProfile(ErrorProfileKind kind, string contentType, int[] allowed, Dictionary<int, int> defaultMap)
    {
        Kind = kind;
        ContentType = contentType;
        _allowed = allowed.ToFrozenSet();
        DefaultMap = defaultMap.ToFrozenDictionary();
    }

    /// <summary>Which document this is.</summary>
    public ErrorProfileKind Kind { get; }

    /// <summary>The media type of the error payload.</summary>
    public string ContentType { get; }

    /// <summary>Mappings applied before the class fallback (an unknown 4xx becomes 400, a 5xx 500).</summary>
    public FrozenDictionary<int, int> DefaultMap { get; }

    /// <summary>The profile for a kind.</summary>
    public static ErrorProfile For(ErrorProfileKind kind) => kind == ErrorProfileKind.ProblemDetails ? ProblemDetails : EdFi;

    /// <summary>Whether a client may see this status under this profile. All 1xx and 3xx pass, as do 206 ranges.</summary>
    public bool Allows(int status) => status is < 200 or 206 or (>= 300 and < 400) || _allowed.Contains(status);

    /// <summary>Whether an error of this status carries a payload (Ed-Fi: 401 and 404 carry none).</summary>
    public bool CarriesBody(int status) => Kind != ErrorProfileKind.EdFi || (status != 401 && status != 404);

    /// <summary>Maps a status to the nearest one the profile allows.</summary>
    /// <param name="status">The status an upstream or the gateway produced.</param>
    /// <param name="overrides">Per-route mappings; they win over the defaults and must target allowed statuses.</param>
    public int Map(int status, IReadOnlyDictionary<int, int>? overrides = null)
    {
        if (overrides is not null && overrides.TryGetValue(status, out var mapped))
        {
            return mapped;
        }

        if (Allows(status))
        {
            return status;
        }

        if (DefaultMap.TryGetValue(status, out mapped))
        {
            return mapped;
        }

        return status switch
        {
            >= 500 => 500,
            >= 400 => 400,
            _ => 200, // an unlisted 2xx: the body is still a success body
        };
    }
}
