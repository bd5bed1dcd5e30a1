using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Gateway.Auth.Jwt;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gateway.Benchmarks;

/// <summary>
/// What a bearer token costs per request: full validation (signature, claims, normalization) against a hit in the
/// validated-token cache, for RS256 and ES256, with the same parameters the gateway uses.
/// </summary>
public class TokenValidationBenchmarks
{
    private static readonly ClaimNormalizer s_claims = new([], [], []);
    private RSA _rsa = null!;
    private ECDsa _ec = null!;
    private TokenValidationParameters _rsParameters = null!;
    private TokenValidationParameters _esParameters = null!;
    private string _rsToken = "";
    private string _esToken = "";
    private CachingJsonWebTokenHandler _uncached = null!;
    private CachingJsonWebTokenHandler _cached = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _rsa = RSA.Create(2048);
        _ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var rsKey = new RsaSecurityKey(_rsa) { KeyId = "rs" };
        var esKey = new ECDsaSecurityKey(_ec) { KeyId = "es" };
        _rsParameters = Parameters(rsKey, "RS256");
        _esParameters = Parameters(esKey, "ES256");
        _rsToken = Token(rsKey, SecurityAlgorithms.RsaSha256);
        _esToken = Token(esKey, SecurityAlgorithms.EcdsaSha256);
        _uncached = new CachingJsonWebTokenHandler(s_claims, 0, TimeSpan.FromSeconds(30), TimeProvider.System);
        _cached = new CachingJsonWebTokenHandler(s_claims, 10_000, TimeSpan.FromSeconds(30), TimeProvider.System);
        Check(await _cached.ValidateTokenAsync(_rsToken, _rsParameters));
        Check(await _cached.ValidateTokenAsync(_esToken, _esParameters));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _rsa.Dispose();
        _ec.Dispose();
    }

    [Benchmark(Baseline = true)]
    public Task<TokenValidationResult> Rs256_FullValidation() => _uncached.ValidateTokenAsync(_rsToken, _rsParameters.Clone());

    [Benchmark]
    public Task<TokenValidationResult> Rs256_CacheHit() => _cached.ValidateTokenAsync(_rsToken, _rsParameters.Clone());

    [Benchmark]
    public Task<TokenValidationResult> Es256_FullValidation() => _uncached.ValidateTokenAsync(_esToken, _esParameters.Clone());

    [Benchmark]
    public Task<TokenValidationResult> Es256_CacheHit() => _cached.ValidateTokenAsync(_esToken, _esParameters.Clone());

    private static void Check(TokenValidationResult result)
    {
        if (!result.IsValid)
        {
            throw new InvalidOperationException("benchmark token does not validate", result.Exception);
        }
    }

    // Parameters are cloned per call above, as JwtBearerHandler does per request.
    private static TokenValidationParameters Parameters(SecurityKey key, string algorithm) => new()
    {
        ValidIssuer = "https://issuer.example",
        ValidAudience = "gateway-api",
        IssuerSigningKeys = [key],
        ValidAlgorithms = [algorithm],
        ClockSkew = TimeSpan.FromSeconds(30),
        RequireExpirationTime = true,
        RequireSignedTokens = true,
    };

    // A typical access token: ~15 claims, a few scopes and roles.
    private static string Token(SecurityKey key, string algorithm) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "https://issuer.example",
        Audience = "gateway-api",
        Expires = DateTime.UtcNow.AddHours(1),
        NotBefore = DateTime.UtcNow.AddMinutes(-1),
        IssuedAt = DateTime.UtcNow.AddMinutes(-1),
        Claims = new Dictionary<string, object>
        {
            ["sub"] = "3f1c2a9e-5b7d-4e8f-9a0b-1c2d3e4f5a6b",
            ["azp"] = "district-sis-integration",
            ["scope"] = "students:read students:write sections:read staff:read",
            ["roles"] = new[] { "district-admin", "auditor" },
            ["tenant"] = "district-255901",
            ["email"] = "integration@district.example",
            ["jti"] = Guid.NewGuid().ToString(),
        },
        SigningCredentials = new SigningCredentials(key, algorithm),
    });
}
