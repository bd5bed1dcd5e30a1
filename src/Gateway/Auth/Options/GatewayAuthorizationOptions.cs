namespace Gateway.Auth.Options;

/// <summary>Who may call which route: the <c>Gateway:Authorization</c> section.</summary>
/// <remarks>A route picks a policy with YARP's <c>AuthorizationPolicy</c> field: <c>Anonymous</c>, <c>Default</c>
/// (authenticated) or a name from <see cref="Policies"/>.</remarks>
public sealed class GatewayAuthorizationOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Gateway:Authorization";

    /// <summary>Reserved policy name: no credentials needed.</summary>
    public const string Anonymous = "Anonymous";

    /// <summary>Reserved policy name: any valid credentials.</summary>
    public const string Authenticated = "Authenticated";

    /// <summary>
    /// The policy of routes whose <c>AuthorizationPolicy</c> is empty: <c>Anonymous</c>, <c>Authenticated</c> or a
    /// policy name. Default: <c>Authenticated</c> when any credential type is configured, otherwise <c>Anonymous</c>.
    /// </summary>
    public string? DefaultPolicy { get; set; }

    /// <summary>Named policies (names compare case-insensitively, as ASP.NET Core's do).</summary>
    public Dictionary<string, AccessPolicyOptions> Policies { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
