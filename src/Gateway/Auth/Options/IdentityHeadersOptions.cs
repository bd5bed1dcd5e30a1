namespace Gateway.Auth.Options;

/// <summary>
/// Request headers that tell the upstream who called. A client's own headers of these names are always removed
/// first; an empty name turns that header off.
/// </summary>
public sealed class IdentityHeadersOptions
{
    /// <summary>The authenticated client id. Default <c>X-Client-Id</c>.</summary>
    public string ClientId { get; set; } = "X-Client-Id";

    /// <summary>The subject (<c>sub</c>). Default <c>X-Subject</c>.</summary>
    public string Subject { get; set; } = "X-Subject";

    /// <summary>The granted scopes, space-separated. Default <c>X-Scopes</c>.</summary>
    public string Scopes { get; set; } = "X-Scopes";
}
