namespace Gateway.Observability;

/// <summary>Names shared by the gateway's meter, its activity tags and the dashboard: change them together.</summary>
internal static class GatewayTelemetry
{
    /// <summary>The gateway's own <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
    public const string MeterName = "Gateway";

    /// <summary>Activity tag carrying the correlation id, so a trace can be found from a client's error payload.</summary>
    public const string CorrelationIdTag = "gateway.correlation_id";

    /// <summary>The route and cluster tags' value when the request matched no proxy route (404, gateway endpoints).</summary>
    public const string None = "(none)";

    public const string RouteTag = "route";
    public const string ClusterTag = "cluster";
    public const string StatusTag = "status_code";
    public const string UpstreamStatusTag = "upstream_status_code";
    public const string KindTag = "kind";
    public const string ResultTag = "result";
    public const string ReasonTag = "reason";
    public const string StoreTag = "store";
    public const string EventTag = "event";

    // Boxed once: a status code tag must not allocate per request.
    private static readonly object[] s_statusBoxes = Enumerable.Range(0, 600).Select(static i => (object)i).ToArray();

    public static object Status(int status) => (uint)status < (uint)s_statusBoxes.Length ? s_statusBoxes[status] : status;
}
