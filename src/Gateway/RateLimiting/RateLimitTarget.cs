namespace Gateway.RateLimiting;

/// <summary>The quota a request counts against.</summary>
internal sealed record RateLimitTarget(CompiledRateLimitPolicy Policy, LimiterKey Key)
{
    public bool UsesRedis => Policy.Store == RateLimitStore.Redis;
}
