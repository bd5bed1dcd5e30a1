namespace Gateway.Configuration;

/// <summary>
/// A rule on a route's JSON responses (<c>Gateway:Routes:&lt;id&gt;:Rules</c>), e.g. a legacy
/// <c>200 {"success":false,"error":"Student not found"}</c> becomes 404 with that message.
/// </summary>
public sealed class ResponseRuleOptions
{
    /// <summary>Upstream statuses the rule looks at. Default <c>[200]</c>.</summary>
    public List<int> WhenStatus { get; set; } = [];

    /// <summary>RFC 6901 JSON Pointer to the value tested, e.g. <c>/success</c>. Required: empty would match every body.</summary>
    public string Path { get; set; } = "";

    /// <summary>The value to match (its JSON text: <c>false</c>, <c>0</c>, <c>Not found</c>). Omit to test existence.</summary>
    public string? EqualTo { get; set; }

    /// <summary>Without <see cref="EqualTo"/>: match when the value exists (default) or, with false, when it is absent.</summary>
    public bool? Exists { get; set; }

    /// <summary>The status to answer with (4xx/5xx, allowed by the route's profile).</summary>
    public int Status { get; set; }

    /// <summary>JSON Pointer to the client message, e.g. <c>/error</c>. Omit for the status's generic message.</summary>
    public string? MessagePath { get; set; }
}
