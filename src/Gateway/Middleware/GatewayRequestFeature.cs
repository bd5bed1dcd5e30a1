using Gateway.Transforms.Errors;

namespace Gateway.Middleware;

/// <summary>Per-request state shared by the gateway's middleware and transforms (one allocation per request).</summary>
internal sealed class GatewayRequestFeature(string correlationId, string correlationHeader)
{
    public string CorrelationId { get; } = correlationId;

    public string CorrelationHeader { get; } = correlationHeader;

    public int? UpstreamStatus { get; set; }

    public GatewayChanges Changes { get; set; }

    /// <summary>Kinds of leak found in an upstream error body, for the completion log line.</summary>
    public LeakKinds Leaks { get; set; }
}
