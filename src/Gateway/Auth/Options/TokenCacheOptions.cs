namespace Gateway.Auth.Options;

/// <summary>The bounded cache of validated tokens, keyed by a SHA-256 of the token (as Envoy's <c>jwt_cache_config</c>).</summary>
public sealed class TokenCacheOptions
{
    /// <summary>Most tokens kept (0-1000000); 0 turns the cache off. Default 10000.</summary>
    public int MaxEntries { get; set; } = 10_000;
}
