namespace Gateway.Observability;

/// <summary>How OTLP data is sent to the collector.</summary>
public enum OtlpTransport
{
    /// <summary>OTLP over gRPC (collector port 4317).</summary>
    Grpc,

    /// <summary>OTLP over HTTP with protobuf bodies (collector port 4318, paths <c>/v1/metrics</c>, <c>/v1/traces</c>).</summary>
    HttpProtobuf,
}
