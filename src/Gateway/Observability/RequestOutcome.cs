using Gateway.Middleware;
using Gateway.Transforms.Errors;
using Yarp.ReverseProxy.Forwarder;

namespace Gateway.Observability;

/// <summary>What one request came to, as recorded by the pipeline; the input of <see cref="GatewayMetrics.RequestCompleted"/>.</summary>
internal readonly record struct RequestOutcome(
    string Route,
    string Cluster,
    int Status,
    int? UpstreamStatus,
    GatewayChanges Changes,
    LeakKinds Leaks,
    ForwarderError ForwarderError,
    double Seconds);
