using Gateway.Configuration;
using Gateway.Cors;
using Yarp.ReverseProxy.Configuration;

namespace Gateway.Tests.Gateway.Cors;

public sealed class CorsConfigCompilerTests
{
    [Fact]
    public void Compile_GoodPolicy_CompiledByName_RouteKeepsItsName()
    {
        var options = Options(("web", new CorsPolicyOptions
        {
            AllowedOrigins = ["https://app.example.com", "http://localhost:3000"],
            AllowedMethods = ["GET", "PUT"],
            AllowedHeaders = ["*"],
            ExposedHeaders = ["ETag"],
            AllowCredentials = true,
            MaxAgeSeconds = 600,
        }));
        RouteConfig[] routes = [Route("r", "web"), Route("off", "disable"), Route("plain", null)];
        var problems = new List<ConfigProblem>();

        var snapshot = CorsConfigCompiler.Compile(options, routes, problems);

        Assert.Empty(problems);
        var policy = snapshot.Policies["WEB"];
        Assert.True(policy.SupportsCredentials);
        Assert.True(policy.AllowAnyHeader);
        Assert.Equal(TimeSpan.FromSeconds(600), policy.PreflightMaxAge);
        Assert.Equal(["https://app.example.com", "http://localhost:3000"], policy.Origins);
        var validated = CorsConfigCompiler.ForValidation(routes);
        Assert.Null(validated[0].CorsPolicy); // this file's names are checked here, not against the generation in force
        Assert.Equal("disable", validated[1].CorsPolicy);
    }

    public static TheoryData<CorsPolicyOptions, string> BadPolicies => new()
    {
        { new(), "p:AllowedOrigins" },
        { new() { AllowedOrigins = ["*"], AllowCredentials = true }, "p:AllowCredentials" },
        { new() { AllowedOrigins = ["*", "https://a.example"] }, "p:AllowedOrigins" },
        { new() { AllowedOrigins = ["https://a.example/"] }, "p:AllowedOrigins:0" },
        { new() { AllowedOrigins = ["https://a.example/path"] }, "p:AllowedOrigins:0" },
        { new() { AllowedOrigins = ["ftp://a.example"] }, "p:AllowedOrigins:0" },
        { new() { AllowedOrigins = ["a.example"] }, "p:AllowedOrigins:0" },
        { new() { AllowedOrigins = ["https://a.example"], AllowedMethods = ["GET POST"] }, "p:AllowedMethods:0" },
        { new() { AllowedOrigins = ["https://a.example"], AllowedMethods = ["*", "GET"] }, "p:AllowedMethods" },
        { new() { AllowedOrigins = ["https://a.example"], AllowedHeaders = ["X:Y"] }, "p:AllowedHeaders:0" },
        { new() { AllowedOrigins = ["https://a.example"], ExposedHeaders = [""] }, "p:ExposedHeaders:0" },
        { new() { AllowedOrigins = ["https://a.example"], MaxAgeSeconds = 86_401 }, "p:MaxAgeSeconds" },
    };

    [Theory]
    [MemberData(nameof(BadPolicies))]
    public void Compile_BadPolicy_ProblemWithPath_NotCompiled(CorsPolicyOptions policy, string pathSuffix)
    {
        var problems = new List<ConfigProblem>();

        var snapshot = CorsConfigCompiler.Compile(Options(("p", policy)), [], problems);

        Assert.Contains(problems, p => p.Path == $"Gateway:Cors:Policies:{pathSuffix}");
        Assert.Empty(snapshot.Policies);
    }

    [Theory]
    [InlineData("default")]
    [InlineData("Disable")]
    [InlineData("has space")]
    public void Compile_ReservedOrInvalidPolicyName_Refused(string name)
    {
        var problems = new List<ConfigProblem>();

        CorsConfigCompiler.Compile(Options((name, new CorsPolicyOptions { AllowedOrigins = ["*"] })), [], problems);

        Assert.Equal($"Gateway:Cors:Policies:{name}", Assert.Single(problems).Path);
    }

    [Theory]
    [InlineData("nope")]
    [InlineData("default")]
    public void Compile_RouteNamingUnknownOrDefaultPolicy_ProblemAtRouteField(string name)
    {
        var problems = new List<ConfigProblem>();

        CorsConfigCompiler.Compile(Options(), [Route("r", name)], problems);

        Assert.Equal("ReverseProxy:Routes:r:CorsPolicy", Assert.Single(problems).Path);
    }

    private static GatewayOptions Options(params (string Name, CorsPolicyOptions Policy)[] policies)
    {
        var options = new GatewayOptions();
        foreach (var (name, policy) in policies)
        {
            options.Cors.Policies[name] = policy;
        }

        return options;
    }

    private static RouteConfig Route(string id, string? corsPolicy) =>
        new() { RouteId = id, ClusterId = "legacy", CorsPolicy = corsPolicy, Match = new RouteMatch { Path = "/{**rest}" } };
}
