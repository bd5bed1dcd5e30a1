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

    /// <summary>
    /// Check that a JSON request body is well formed before forwarding; a malformed one gets 400 and the upstream
    /// never sees it (many legacy backends answer such input with a 500). Default off.
    /// </summary>
    public bool ValidateJsonRequestBody { get; set; }

    /// <summary>Rules on JSON bodies that set the status ("200 with an error inside", 400 → 422 …). First match wins.</summary>
    public List<ResponseRuleOptions> Rules { get; set; } = [];

    /// <summary>Drop debug fields (<c>stackTrace</c>, <c>exception</c>, <c>debug</c> …) from JSON success bodies. Default off.</summary>
    public bool StripDebugFields { get; set; }

    /// <summary>The field names <see cref="StripDebugFields"/> drops; empty for the built-in list.</summary>
    public List<string> DebugFieldNames { get; set; } = [];

    /// <summary>
    /// Answer a 2xx whose body carries debug output (a stack trace, a framework's debug page, a SQL error: PHP with
    /// <c>display_errors</c> answers 200) with the profile's 500 instead. Default off: it reads success bodies.
    /// </summary>
    public bool RejectDebugOutput { get; set; }

    /// <summary>
    /// Answer a 2xx whose body is a SOAP fault (some stacks send <c>Envelope/Body/Fault</c> with 200) as the error it
    /// is: 400 for the sender's fault, else 500, normalized like any upstream error. Default off: it reads XML success bodies.
    /// </summary>
    public bool SoapFaultsAreErrors { get; set; }

    /// <summary>
    /// Success statuses per profile: POST answered 200 with a Location becomes 201, 200 with an empty body 204,
    /// and (Ed-Fi) a 201 carries no body. Default off: it changes what clients see.
    /// </summary>
    public bool SuccessConformance { get; set; }

    /// <summary>Answer 404 instead of 403 when the caller lacks a permission, to hide that the resource exists. Default off.</summary>
    public bool HideForbidden { get; set; }

    /// <summary>Pass the client's <c>Authorization</c> header upstream. Default: dropped where the route requires
    /// authentication (the gateway consumed it), passed on anonymous routes.</summary>
    public bool? ForwardAuthorization { get; set; }
}
