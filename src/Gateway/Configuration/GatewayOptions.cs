using Gateway.Observability;
using Gateway.RateLimiting;
using Gateway.Preconditions;
using Gateway.Transforms.Errors;

namespace Gateway.Configuration;

/// <summary>The gateway's own settings: the <c>Gateway</c> section of <c>gateway.json</c>.</summary>
public sealed class GatewayOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Gateway";

    /// <summary>The error profile of routes that name none. Default <see cref="ErrorProfileKind.EdFi"/>.</summary>
    public ErrorProfileKind DefaultProfile { get; set; } = ErrorProfileKind.EdFi;

    /// <summary>The header that carries the correlation id both ways. Default <c>X-Correlation-Id</c>.</summary>
    public string CorrelationIdHeader { get; set; } = "X-Correlation-Id";

    /// <summary>Response headers removed on top of the built-in list (<c>Server</c>, <c>X-Powered-By</c>, …).</summary>
    public List<string> StripResponseHeaders { get; set; } = [];

    /// <summary>Request headers removed before forwarding, on top of the built-in list (<c>X-Real-IP</c>, <c>X-Original-URL</c>, …).</summary>
    public List<string> StripRequestHeaders { get; set; } = [];

    /// <summary>Built-in untrusted request headers to forward after all, e.g. <c>X-HTTP-Method-Override</c> for a backend that needs it.</summary>
    public List<string> KeepRequestHeaders { get; set; } = [];

    /// <summary>How much of an upstream error body is read, in bytes; past it the body is dropped. Default 1 MiB.</summary>
    public int MaxErrorBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>How long the gateway waits for an upstream error body once its headers have come, in seconds; a body
    /// that stalls past it is treated as cut off (the generic message for the upstream's status). Default 10.</summary>
    public int ErrorBodyTimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// Upstream bodies held in memory at once over all requests (error bodies, bodies a route reads, bodies hashed for
    /// ETags), in bytes. Default 256 MiB. A body that finds no room is treated as over its own bound.
    /// </summary>
    public long MaxBufferedBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>The largest JSON request body a route with <c>ValidateJsonRequestBody</c> accepts, in bytes. Default 1 MiB.</summary>
    public int MaxJsonRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Per-route settings, keyed by the YARP route id. Routes not listed use the defaults.</summary>
    public Dictionary<string, RouteOptions> Routes { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Who callers are: JWT bearer tokens and API keys. Neither configured: no credentials are accepted.</summary>
    public Auth.Options.GatewayAuthenticationOptions Authentication { get; set; } = new();

    /// <summary>Who may call which route: named policies and the default for routes that name none.</summary>
    public Auth.Options.GatewayAuthorizationOptions Authorization { get; set; } = new();

    /// <summary>Which requests get a completion log line: <see cref="RequestLogMode.All"/> (default), <c>Errors</c> or <c>Off</c>.</summary>
    public RequestLogMode RequestLog { get; set; } = RequestLogMode.All;

    /// <summary>How long a log line may wait on stdout for others, so lines are written together (read at startup).
    /// Warnings and errors are never held. 0 writes every line at once. Default 250.</summary>
    public int LogBufferMilliseconds { get; set; } = DefaultLogBufferMilliseconds;

    /// <summary>The default of <see cref="LogBufferMilliseconds"/>.</summary>
    public const int DefaultLogBufferMilliseconds = 250;

    /// <summary>The largest <see cref="LogBufferMilliseconds"/> accepted.</summary>
    public const int MaxLogBufferMilliseconds = 10_000;

    /// <summary>How long in-flight requests may finish after SIGTERM, in seconds (read at startup). Default 25.</summary>
    public int ShutdownTimeoutSeconds { get; set; } = 25;

    /// <summary>Metrics and traces (read at startup).</summary>
    public ObservabilityOptions Observability { get; set; } = new();

    /// <summary>The admin port (read at startup). Default off.</summary>
    public AdminOptions Admin { get; set; } = new();

    /// <summary>Named rate-limit policies, exemptions and the shared Redis store.</summary>
    public RateLimitingOptions RateLimiting { get; set; } = new();

    /// <summary>Named CORS policies; a YARP route uses one through its <c>CorsPolicy</c> field. Default none.</summary>
    public Cors.GatewayCorsOptions Cors { get; set; } = new();

    /// <summary>Proxies trusted to report the client address in <c>X-Forwarded-For</c>. Default none.</summary>
    public TrustedProxyOptions ForwardedHeaders { get; set; } = new();

    /// <summary>Per-cluster settings, keyed by the YARP cluster id.</summary>
    public Dictionary<string, ClusterOptions> Clusters { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The shared lock of routes whose ETags use <c>"Lock": "Redis"</c>.</summary>
    public ETagLockOptions ETagLock { get; set; } = new();
}
