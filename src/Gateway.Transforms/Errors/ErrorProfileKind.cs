namespace Gateway.Transforms.Errors;

/// <summary>The guideline document whose error rules a route follows.</summary>
public enum ErrorProfileKind
{
    /// <summary>Ed-Fi API guidelines, Table 6: <c>{"code","type","message"}</c>; 401 and 404 carry no body.</summary>
    EdFi,

    /// <summary>RFC 9457 problem details (<c>application/problem+json</c>) on every 4xx/5xx.</summary>
    ProblemDetails,
}
