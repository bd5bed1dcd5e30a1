namespace Gateway.Middleware;

/// <summary>What the gateway changed in a response, for the completion log line.</summary>
[Flags]
internal enum GatewayChanges
{
    None = 0,
    HeadersStripped = 1,
    LocationRewritten = 2,
    ErrorNormalized = 4,
    StatusRemapped = 8,
    GatewayAnswered = 16,
    UpstreamFailed = 32,
    LeakRemoved = 64,
    RequestRejected = 128,
    AuthRejected = 256,
    RateLimited = 512,
    ClusterCapped = 1024,
    ETagGenerated = 2048,
    ConditionalAnswered = 4096,
    Retried = 8192,
    ValidatorCacheHit = 16384,
    ETagRepaired = 32768,
}
