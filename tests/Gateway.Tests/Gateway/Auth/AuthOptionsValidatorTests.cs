using System.Security.Cryptography;
using Gateway.Auth;
using Gateway.Auth.ApiKeys;
using Gateway.Auth.Options;
using Gateway.Configuration;
using Yarp.ReverseProxy.Configuration;

namespace Gateway.Tests.Gateway.Auth;

public sealed class AuthOptionsValidatorTests
{
    private static readonly string s_pem = CreatePem();

    [Fact]
    public void GoodOptions_NoProblems() => Assert.Empty(Validate(Good(), Routes("read")));

    [Fact]
    public void NoAuthSections_RoutesWithoutPolicy_NoProblems() => Assert.Empty(Validate(new GatewayOptions(), Routes(null)));

    [Theory]
    [InlineData("realm", "Gateway:Authentication:Realm")]
    [InlineData("identity-header", "Gateway:Authentication:IdentityHeaders:Subject")]
    [InlineData("identity-header-dup", "Gateway:Authentication:IdentityHeaders:Scopes")]
    [InlineData("jwt-both", "Gateway:Authentication:Jwt")]
    [InlineData("jwt-neither", "Gateway:Authentication:Jwt")]
    [InlineData("jwt-http-authority", "Gateway:Authentication:Jwt:Authority")]
    [InlineData("jwt-issuer", "Gateway:Authentication:Jwt:Issuer")]
    [InlineData("jwt-audience", "Gateway:Authentication:Jwt:Audiences")]
    [InlineData("jwt-alg", "Gateway:Authentication:Jwt:Algorithms:1")]
    [InlineData("jwt-skew", "Gateway:Authentication:Jwt:ClockSkewSeconds")]
    [InlineData("jwt-refresh", "Gateway:Authentication:Jwt:RefreshIntervalSeconds")]
    [InlineData("jwt-size", "Gateway:Authentication:Jwt:MaxTokenBytes")]
    [InlineData("jwt-cache", "Gateway:Authentication:Jwt:TokenCache:MaxEntries")]
    [InlineData("jwt-key", "Gateway:Authentication:Jwt:SigningKeys:k1")]
    [InlineData("key-header", "Gateway:Authentication:ApiKeys:Header")]
    [InlineData("key-hash", "Gateway:Authentication:ApiKeys:Keys:reader:Sha256")]
    [InlineData("key-duplicate", "Gateway:Authentication:ApiKeys:Keys:writer:Sha256")]
    [InlineData("key-client", "Gateway:Authentication:ApiKeys:Keys:reader:ClientId")]
    [InlineData("key-scope", "Gateway:Authentication:ApiKeys:Keys:reader:Scopes:0")]
    [InlineData("policy-reserved", "Gateway:Authorization:Policies:Anonymous")]
    [InlineData("policy-scope", "Gateway:Authorization:Policies:read:Scopes:0")]
    [InlineData("default-policy", "Gateway:Authorization:DefaultPolicy")]
    [InlineData("route-policy", "ReverseProxy:Routes:r:AuthorizationPolicy")]
    public void BadValue_ReportedAtItsPath(string flaw, string path)
    {
        var options = Good();
        var routes = Routes("read");
        var jwt = options.Authentication.Jwt!;
        var keys = options.Authentication.ApiKeys!;
        switch (flaw)
        {
            case "realm": options.Authentication.Realm = "a\"b"; break;
            case "identity-header": options.Authentication.IdentityHeaders.Subject = "Authorization"; break;
            case "identity-header-dup": options.Authentication.IdentityHeaders.Scopes = "X-Subject"; break;
            case "jwt-both": jwt.Authority = "https://idp.test"; break;
            case "jwt-neither": jwt.SigningKeys.Clear(); break;
            case "jwt-http-authority": jwt.SigningKeys.Clear(); jwt.Authority = "http://idp.test"; break;
            case "jwt-issuer": jwt.Issuer = null; break;
            case "jwt-audience": jwt.Audiences.Clear(); break;
            case "jwt-alg": jwt.Algorithms.Add("none"); break;
            case "jwt-skew": jwt.ClockSkewSeconds = 301; break;
            case "jwt-refresh": jwt.RefreshIntervalSeconds = 0; break;
            case "jwt-size": jwt.MaxTokenBytes = 100; break;
            case "jwt-cache": jwt.TokenCache.MaxEntries = -1; break;
            case "jwt-key": jwt.SigningKeys["k1"].Pem = "nope"; break;
            case "key-header": keys.Header = "Authorization"; break;
            case "key-hash": keys.Keys["reader"].Sha256 = "123"; break;
            case "key-duplicate": keys.Keys["writer"].Sha256 = keys.Keys["reader"].Sha256!.ToUpperInvariant(); break;
            case "key-client": keys.Keys["reader"].ClientId = "has space"; break;
            case "key-scope": keys.Keys["reader"].Scopes[0] = "two words"; break;
            case "policy-reserved": options.Authorization.Policies["Anonymous"] = new(); break;
            case "policy-scope": options.Authorization.Policies["read"].Scopes.Add(""); options.Authorization.Policies["read"].Scopes.Reverse(); break;
            case "default-policy": options.Authorization.DefaultPolicy = "missing"; break;
            case "route-policy": routes = Routes("missing"); break;
        }

        var problems = Validate(options, routes);

        Assert.Contains(problems, p => p.Path == path);
    }

    [Theory]
    [InlineData("read")]
    [InlineData("Default")]
    [InlineData("Authenticated")]
    public void RouteNeedingCredentials_WithNoneConfigured_Refused(string policy)
    {
        var options = new GatewayOptions();
        options.Authorization.Policies["read"] = new();

        var problems = Validate(options, Routes(policy));

        Assert.Contains(problems, p => p.Path == "ReverseProxy:Routes:r:AuthorizationPolicy" && p.Message.Contains("accepts none", StringComparison.Ordinal));
    }

    [Fact]
    public void DefaultAuthenticated_WithNoCredentialsConfigured_Refused()
    {
        var options = new GatewayOptions();
        options.Authorization.DefaultPolicy = "Authenticated";

        Assert.Contains(Validate(options, Routes(null)), p => p.Path == "Gateway:Authorization:DefaultPolicy");
    }

    private static List<ConfigProblem> Validate(GatewayOptions options, IReadOnlyList<RouteConfig> routes)
    {
        var problems = new List<ConfigProblem>();
        AuthOptionsValidator.Validate(options, routes, problems);
        return problems;
    }

    private static RouteConfig[] Routes(string? policy) => [new RouteConfig { RouteId = "r", ClusterId = "c", AuthorizationPolicy = policy }];

    internal static GatewayOptions Good()
    {
        var options = new GatewayOptions();
        options.Authentication.Jwt = new JwtOptions
        {
            Issuer = "https://issuer.test",
            Audiences = ["api"],
            Algorithms = ["RS256"],
            SigningKeys = { ["k1"] = new JwtSigningKeyOptions { Pem = s_pem } },
        };
        options.Authentication.ApiKeys = new ApiKeysOptions
        {
            Keys =
            {
                ["reader"] = new ApiKeyOptions { Sha256 = ApiKeyTable.HashOf("r"), Scopes = ["s:read"] },
                ["writer"] = new ApiKeyOptions { Sha256 = ApiKeyTable.HashOf("w"), Scopes = ["s:write"] },
            },
        };
        options.Authorization.Policies["read"] = new AccessPolicyOptions { Scopes = ["s:read"] };
        return options;
    }

    private static string CreatePem()
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportSubjectPublicKeyInfoPem();
    }
}
