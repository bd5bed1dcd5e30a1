using System.Security.Cryptography;
using Gateway.Auth.Jwt;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gateway.Tests.Gateway.Auth;

public sealed class CachingJsonWebTokenHandlerTests : IDisposable
{
    private static readonly ClaimNormalizer s_claims = new([], [], []);
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RsaSecurityKey _key;
    private readonly ManualTimeProvider _time = new(DateTimeOffset.UtcNow);

    public CachingJsonWebTokenHandlerTests() => _key = new RsaSecurityKey(_rsa) { KeyId = "k1" };

    public void Dispose() => _rsa.Dispose();

    [Fact]
    public async Task SecondValidation_IsACacheHit()
    {
        var handler = Handler(maxEntries: 10);
        var token = Token(TimeSpan.FromMinutes(5));

        var first = await handler.ValidateTokenAsync(token, Parameters());
        var second = await handler.ValidateTokenAsync(token, Parameters());

        Assert.True(first.IsValid);
        Assert.True(second.IsValid);
        Assert.Same(first.ClaimsIdentity, second.ClaimsIdentity);
        Assert.Equal(1, handler.CachedCount);
    }

    [Fact]
    public async Task CacheOff_EveryValidationIsFull()
    {
        var handler = Handler(maxEntries: 0);
        var token = Token(TimeSpan.FromMinutes(5));

        var first = await handler.ValidateTokenAsync(token, Parameters());
        var second = await handler.ValidateTokenAsync(token, Parameters());

        Assert.True(second.IsValid);
        Assert.NotSame(first.ClaimsIdentity, second.ClaimsIdentity);
    }

    [Fact]
    public async Task EntryPastExpiryPlusSkew_IsAMiss()
    {
        var handler = Handler(maxEntries: 10);
        var token = Token(TimeSpan.FromMinutes(5));
        var first = await handler.ValidateTokenAsync(token, Parameters());

        _time.Now = _time.Now.AddMinutes(5).AddSeconds(31); // exp + 30 s skew + 1 s
        var second = await handler.ValidateTokenAsync(token, Parameters());

        Assert.NotSame(first.ClaimsIdentity, second.ClaimsIdentity);
    }

    [Fact]
    public async Task InvalidToken_NotCached()
    {
        var handler = Handler(maxEntries: 10);
        var parameters = Parameters();
        parameters.ValidAudience = "someone-else";

        var result = await handler.ValidateTokenAsync(Token(TimeSpan.FromMinutes(5)), parameters);

        Assert.False(result.IsValid);
        Assert.Equal(0, handler.CachedCount);
    }

    [Fact]
    public async Task ClearCache_ForcesFullValidation()
    {
        var handler = Handler(maxEntries: 10);
        var token = Token(TimeSpan.FromMinutes(5));
        var first = await handler.ValidateTokenAsync(token, Parameters());

        handler.ClearCache();

        Assert.NotSame(first.ClaimsIdentity, (await handler.ValidateTokenAsync(token, Parameters())).ClaimsIdentity);
    }

    [Fact]
    public async Task Cache_IsBounded()
    {
        var handler = Handler(maxEntries: 3);
        for (var i = 0; i < 10; i++)
        {
            Assert.True((await handler.ValidateTokenAsync(Token(TimeSpan.FromMinutes(5), "user-" + i), Parameters())).IsValid);
        }

        Assert.InRange(handler.CachedCount, 1, 3);
    }

    [Fact]
    public async Task ValidIdentity_IsNormalized()
    {
        var result = await Handler(maxEntries: 10).ValidateTokenAsync(Token(TimeSpan.FromMinutes(5)), Parameters());

        Assert.Equal("Bearer", result.ClaimsIdentity.AuthenticationType);
        Assert.Equal(["a:read", "b:write"], result.ClaimsIdentity.FindAll("scope").Select(c => c.Value).Order());
        Assert.Equal("app-1", result.ClaimsIdentity.FindFirst("client_id")?.Value);
    }

    [Fact]
    public void CacheEntries_KeyedByTokenHash_ForeignKeySetIsAMiss()
    {
        using var cache = new ValidatedTokenCache(10, _time);
        var hash = TokenHash.Of("a.b.c");
        var version = new object();
        cache.Add(hash, new CachedToken(new(), new JsonWebToken("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."), version, _time.Now.AddMinutes(1)));

        Assert.True(cache.TryGet(TokenHash.Of("a.b.c"), version, out _));
        Assert.False(cache.TryGet(hash, new object(), out _));
        Assert.False(cache.TryGet(TokenHash.Of("a.b.d"), version, out _));
    }

    [Fact]
    public async Task FindValidated_ValidatedToken_GivesTheCachedIdentity()
    {
        var handler = Handler(maxEntries: 10);
        var token = Token(TimeSpan.FromMinutes(5));
        Assert.Null(await handler.FindValidatedAsync(token.AsMemory(), null));

        var validated = await handler.ValidateTokenAsync(token, Parameters());

        Assert.Same(validated.ClaimsIdentity, await handler.FindValidatedAsync(token.AsMemory(), null));
        Assert.Null(await handler.FindValidatedAsync(Token(TimeSpan.FromMinutes(5), "user-2").AsMemory(), null));
    }

    [Fact]
    public async Task FindValidated_PastExpiryPlusSkew_IsNull()
    {
        var handler = Handler(maxEntries: 10);
        var token = Token(TimeSpan.FromMinutes(5));
        await handler.ValidateTokenAsync(token, Parameters());

        _time.Now = _time.Now.AddMinutes(5).AddSeconds(31);

        Assert.Null(await handler.FindValidatedAsync(token.AsMemory(), null));
    }

    [Fact]
    public async Task FindValidated_KeySetNotYetSeen_IsNull_FullValidationDecides()
    {
        var handler = Handler(maxEntries: 10);
        var token = Token(TimeSpan.FromMinutes(5));
        await handler.ValidateTokenAsync(token, Parameters());

        // Metadata now serves another key set: the cache of the static set must not answer for it.
        Assert.Null(await handler.FindValidatedAsync(token.AsMemory(), new FixedConfigurationManager(new OpenIdConfiguration())));
        Assert.Null(await handler.FindValidatedAsync(token.AsMemory(), new FailingConfigurationManager()));
        Assert.Null(await Handler(maxEntries: 0).FindValidatedAsync(token.AsMemory(), null));
    }

    private CachingJsonWebTokenHandler Handler(int maxEntries) => new(s_claims, maxEntries, TimeSpan.FromSeconds(30), _time);

    private TokenValidationParameters Parameters() => new()
    {
        ValidIssuer = "https://issuer.test",
        ValidAudience = "api",
        IssuerSigningKey = _key,
        ValidAlgorithms = ["RS256"],
        ClockSkew = TimeSpan.FromSeconds(30),
    };

    private string Token(TimeSpan lifetime, string subject = "user-1") => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "https://issuer.test",
        Audience = "api",
        Expires = DateTime.UtcNow + lifetime,
        NotBefore = DateTime.UtcNow.AddMinutes(-1),
        IssuedAt = DateTime.UtcNow.AddMinutes(-1),
        Claims = new Dictionary<string, object> { ["sub"] = subject, ["scope"] = "a:read b:write", ["azp"] = "app-1" },
        SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
    });

    private sealed class OpenIdConfiguration : BaseConfiguration;

    private sealed class FixedConfigurationManager(BaseConfiguration configuration) : BaseConfigurationManager
    {
        public override Task<BaseConfiguration> GetBaseConfigurationAsync(CancellationToken cancel) => Task.FromResult(configuration);

        public override void RequestRefresh()
        {
        }
    }

    private sealed class FailingConfigurationManager : BaseConfigurationManager
    {
        public override Task<BaseConfiguration> GetBaseConfigurationAsync(CancellationToken cancel) =>
            Task.FromException<BaseConfiguration>(new InvalidOperationException("metadata unreachable"));

        public override void RequestRefresh()
        {
        }
    }
}
