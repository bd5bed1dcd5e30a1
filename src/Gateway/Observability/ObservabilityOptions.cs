namespace Gateway.Observability;

/// <summary>Metrics and traces: the <c>Gateway:Observability</c> section. Read once at startup; a change needs a restart.</summary>
public sealed class ObservabilityOptions
{
    /// <summary>The configuration section name, under <c>Gateway</c>.</summary>
    public const string SectionName = "Observability";

    /// <summary>
    /// Collect the gateway's metrics. They are served in Prometheus text format at <c>/metrics</c> on the admin port
    /// (when <see cref="AdminOptions.Enabled"/>) and pushed over OTLP (when <see cref="OtlpEndpoint"/> is set). Default on.
    /// </summary>
    public bool Metrics { get; set; } = true;

    /// <summary>
    /// Trace requests (incoming request, YARP forward, upstream call) and pass W3C <c>traceparent</c> upstream.
    /// Spans leave the process only through OTLP; without it the trace id still reaches the upstream and the logs. Default on.
    /// </summary>
    public bool Tracing { get; set; } = true;

    /// <summary>Share of new traces sampled, 0 to 1; a sampled caller's decision is kept. Default 1.</summary>
    public double TraceSampleRatio { get; set; } = 1.0;

    /// <summary>OTLP collector address, e.g. <c>http://otel-collector:4317</c>. Default none (empty counts as none): no OTLP export.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>OTLP transport. Default <see cref="OtlpTransport.Grpc"/> (port 4317); HttpProtobuf usually listens on 4318.</summary>
    public OtlpTransport OtlpProtocol { get; set; } = OtlpTransport.Grpc;

    /// <summary>The <c>service.name</c> resource attribute on every metric and span. Default <c>gateway</c>.</summary>
    public string ServiceName { get; set; } = "gateway";
}
