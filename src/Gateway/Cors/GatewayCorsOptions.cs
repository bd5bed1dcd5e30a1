namespace Gateway.Cors;

/// <summary>Named CORS policies: the <c>Gateway:Cors</c> section. A YARP route uses one through its <c>CorsPolicy</c> field.</summary>
public sealed class GatewayCorsOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Gateway:Cors";

    /// <summary>Policies by name. Default none: no route answers CORS itself, upstream CORS headers pass through.</summary>
    public Dictionary<string, CorsPolicyOptions> Policies { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
