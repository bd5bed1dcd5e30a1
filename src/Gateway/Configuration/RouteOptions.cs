using Gateway.Preconditions;
using Gateway.Transforms.Errors;

namespace Gateway.Configuration;

/// <summary>Settings of one route: an entry of <c>Gateway:Routes</c>, keyed by the YARP route id.</summary>
public sealed class RouteOptions
{
    /// <summary>The error profile; default <see cref="GatewayOptions.DefaultProfile"/>.</summary>
    public ErrorProfileKind? Profile { get; set; }

    /// <summary>Status overrides, e.g. <c>{"418": 400}</c>; each target must be a status the profile allows.</summary>
    public Dictionary<string, int> StatusMap { get; set; } = [];

    /// <summary>Rewrite upstream 4xx/5xx into the standard payload. Default on; off passes errors untouched.</summary>
    public bool NormalizeErrors { get; set; } = true;

    /// <summary>Remove leaky response headers. Default on.</summary>
    public bool StripHeaders { get; set; } = true;

    /// <summary>Show a clean upstream message on 5xx instead of the generic one. Default off.</summary>
    public bool ShowUpstream5xxMessages { get; set; }

    /// <summary>ETags and conditional requests (304, 412); see <see cref="ETagOptions"/>.</summary>
    public ETagOptions ETags { get; set; } = new();
}
