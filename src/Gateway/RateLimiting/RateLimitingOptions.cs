namespace Gateway.RateLimiting;

/// <summary>Named rate-limit policies and where their state lives: the <c>Gateway:RateLimiting</c> section.</summary>
public sealed class RateLimitingOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Gateway:RateLimiting";

    /// <summary>Policies by name; a YARP route uses one through its <c>RateLimiterPolicy</c> field.</summary>
    public Dictionary<string, RateLimitPolicyOptions> Policies { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The policy of routes that name none (or name <c>default</c>). Default none: such routes are not limited.
    /// A route opts out with <c>"RateLimiterPolicy": "disable"</c>.
    /// </summary>
    public string? DefaultPolicy { get; set; }

    /// <summary>Clients and networks never limited.</summary>
    public RateLimitExemptOptions Exempt { get; set; } = new();

    /// <summary>The shared store used by policies with <c>"Store": "Redis"</c>.</summary>
    public RedisRateLimitOptions Redis { get; set; } = new();
}
