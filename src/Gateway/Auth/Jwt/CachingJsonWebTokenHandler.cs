using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gateway.Auth.Jwt;

/// <summary>
/// The JWT handler JwtBearer calls: IdentityModel's <see cref="JsonWebTokenHandler"/> plus claim normalization and a
/// cache of validated tokens, since signature checks are the costly part of a request. The cache is dropped whenever
/// the key set changes (a JWKS refresh or, for static keys, a config edit builds a new handler).
/// </summary>
internal sealed class CachingJsonWebTokenHandler : JsonWebTokenHandler
{
    private const string CriticalHeader = "crit";

    private readonly ClaimNormalizer _claims;
    private readonly ValidatedTokenCache? _cache;
    private readonly TimeSpan _clockSkew;
    private readonly object _staticKeysVersion = new();
    private object? _lastKeysVersion;

    public CachingJsonWebTokenHandler(ClaimNormalizer claims, int cacheMaxEntries, TimeSpan clockSkew, TimeProvider time)
    {
        _claims = claims;
        _clockSkew = clockSkew;
        _cache = cacheMaxEntries > 0 ? new ValidatedTokenCache(cacheMaxEntries, time) : null;
        MapInboundClaims = false;
    }

    /// <summary>How many tokens the cache holds (for tests and the benchmark).</summary>
    public int CachedCount => _cache?.Count ?? 0;

    public void ClearCache() => _cache?.Clear();

    /// <summary>
    /// The identity of a token this handler validated against the key set in force, or null. A hit needs no
    /// signature check and no round through JwtBearer; a miss (or a key set not yet seen) goes the full way.
    /// </summary>
    /// <param name="token">The compact token.</param>
    /// <param name="configurationManager">JwtBearer's metadata manager, null for static keys.</param>
    public async ValueTask<ClaimsIdentity?> FindValidatedAsync(ReadOnlyMemory<char> token, BaseConfigurationManager? configurationManager)
    {
        if (_cache is null || token.IsEmpty || token.Length > MaximumTokenSizeInBytes)
        {
            return null;
        }

        object version;
        try
        {
            version = await KeysVersionAsync(configurationManager);
        }
#pragma warning disable CA1031 // a miss is always safe: the full path meets the same failure and answers it
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }

        return ReferenceEquals(version, Volatile.Read(ref _lastKeysVersion)) && _cache.TryGet(TokenHash.Of(token.Span), version, out var hit)
            ? hit.Identity
            : null;
    }

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        ArgumentNullException.ThrowIfNull(validationParameters);
        if (_cache is null || string.IsNullOrEmpty(token) || token.Length > MaximumTokenSizeInBytes)
        {
            return Normalize(await base.ValidateTokenAsync(token, validationParameters));
        }

        var version = await KeysVersionAsync(validationParameters.ConfigurationManager);
        if (!ReferenceEquals(version, Volatile.Read(ref _lastKeysVersion)))
        {
            // Key rotation: tokens checked against the old keys must be checked again.
            _cache.Clear();
            Volatile.Write(ref _lastKeysVersion, version);
        }

        var key = TokenHash.Of(token);
        if (_cache.TryGet(key, version, out var hit))
        {
            return hit.ToResult();
        }

        var result = Normalize(await base.ValidateTokenAsync(token, validationParameters));
        if (result.IsValid && result.SecurityToken is JsonWebToken jwt)
        {
            // Validation may have refreshed the keys (unknown kid): the entry belongs to the set it was checked with.
            var checkedWith = await KeysVersionAsync(validationParameters.ConfigurationManager);
            var expires = new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero) + _clockSkew;
            _cache.Add(key, new CachedToken(result.ClaimsIdentity, jwt, checkedWith, expires));
        }

        return result;
    }

    private ValueTask<object> KeysVersionAsync(BaseConfigurationManager? manager) =>
        manager is null ? ValueTask.FromResult(_staticKeysVersion) : FetchKeysVersionAsync(manager);

    private async ValueTask<object> FetchKeysVersionAsync(BaseConfigurationManager manager) =>
        await manager.GetBaseConfigurationAsync(CancellationToken.None) ?? _staticKeysVersion;

    private TokenValidationResult Normalize(TokenValidationResult result)
    {
        // RFC 7515 §4.1.11: extensions listed in "crit" must be understood, and IdentityModel ignores the header.
        if (result is { IsValid: true, SecurityToken: JsonWebToken jwt } && jwt.TryGetHeaderValue<object>(CriticalHeader, out _))
        {
            return new TokenValidationResult { IsValid = false, Exception = new SecurityTokenCriticalHeaderException() };
        }

        if (result.IsValid)
        {
            result.ClaimsIdentity = _claims.Normalize(result.ClaimsIdentity);
        }

        return result;
    }
}
