namespace Gateway.Auth.Options;

/// <summary>One named policy: valid credentials plus, optionally, scopes, roles and claims.</summary>
public sealed class AccessPolicyOptions
{
    /// <summary>Scopes the caller must hold, all of them.</summary>
    public List<string> Scopes { get; set; } = [];

    /// <summary>Roles of which the caller must hold at least one.</summary>
    public List<string> Roles { get; set; } = [];

    /// <summary>Claims the caller must carry: per claim type, one of the listed values (<c>*</c>: any value).</summary>
    public Dictionary<string, List<string>> Claims { get; set; } = new(StringComparer.Ordinal);
}
