namespace Gateway.Cors;

/// <summary>One named CORS policy: an entry of <c>Gateway:Cors:Policies</c>.</summary>
public sealed class CorsPolicyOptions
{
    /// <summary>Origins allowed to read answers: exact <c>scheme://host[:port]</c> values, or <c>*</c> alone. Required.</summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>Methods a preflight may ask for, or <c>*</c>. Default none: only GET, HEAD and POST, which need no preflight.</summary>
    public List<string> AllowedMethods { get; set; } = [];

    /// <summary>Request headers a preflight may ask for, or <c>*</c>. Default none: only the CORS-safelisted ones.</summary>
    public List<string> AllowedHeaders { get; set; } = [];

    /// <summary>Response headers scripts may read beyond the safelisted ones (e.g. <c>ETag</c>, <c>Retry-After</c>). Default none.</summary>
    public List<string> ExposedHeaders { get; set; } = [];

    /// <summary>Whether cookies and <c>Authorization</c> may be sent; refused together with a <c>*</c> origin. Default false.</summary>
    public bool AllowCredentials { get; set; }

    /// <summary>How long a browser may cache a preflight answer, in seconds (0-86400). Default unset: the browser's own (5 s).</summary>
    public int? MaxAgeSeconds { get; set; }
}
