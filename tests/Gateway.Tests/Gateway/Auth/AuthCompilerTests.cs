using Gateway.Auth;
using Gateway.Auth.Authorization;
using Gateway.Configuration;
using Yarp.ReverseProxy.Configuration;

namespace Gateway.Tests.Gateway.Auth;

public sealed class AuthCompilerTests
{
    [Fact]
    public void NoCredentialsConfigured_RoutesWithoutPolicyStayOpen()
    {
        var auth = AuthCompiler.Compile(new GatewayOptions(), [Route("r", null)]);

        Assert.Null(auth.FallbackPolicy);
        Assert.False(auth.AcceptsCredentials);
        Assert.Equal(new RouteAuth(false, false, true), auth.RouteFor("r"));
    }

    [Fact]
    public void CredentialsConfigured_DefaultIsAuthenticated_FailSafe()
    {
        var auth = AuthCompiler.Compile(AuthOptionsValidatorTests.Good(), [Route("r", null), Route("open", "anonymous")]);

        Assert.Same(AuthPolicies.Authenticated, auth.FallbackPolicy);
        Assert.Equal(new RouteAuth(true, false, false), auth.RouteFor("r"));
        Assert.Equal(new RouteAuth(false, false, true), auth.RouteFor("open"));
    }

    [Theory]
    [InlineData("Anonymous", false)]
    [InlineData("Authenticated", true)]
    [InlineData("read", true)]
    public void ExplicitDefaultPolicy(string name, bool requires)
    {
        var options = AuthOptionsValidatorTests.Good();
        options.Authorization.DefaultPolicy = name;

        var auth = AuthCompiler.Compile(options, [Route("r", null)]);

        Assert.Equal(requires, auth.FallbackPolicy is not null);
        Assert.Equal(requires, auth.RouteFor("r").RequiresAuthentication);
    }

    [Fact]
    public void RouteOptions_HideForbiddenAndForwardAuthorization()
    {
        var options = AuthOptionsValidatorTests.Good();
        options.Routes["r"] = new RouteOptions { HideForbidden = true, ForwardAuthorization = true };
        options.Routes["open"] = new RouteOptions { ForwardAuthorization = false };

        var auth = AuthCompiler.Compile(options, [Route("r", "read"), Route("open", "Anonymous")]);

        Assert.Equal(new RouteAuth(true, true, true), auth.RouteFor("R"));
        Assert.Equal(new RouteAuth(false, false, false), auth.RouteFor("open"));
    }

    [Fact]
    public void NamedPolicy_Compiled_WithItsRequirement()
    {
        var auth = AuthCompiler.Compile(AuthOptionsValidatorTests.Good(), []);

        var policy = auth.Policies["READ"];
        Assert.Contains(policy.Requirements, r => r is AccessRequirement { PolicyName: "read" });
    }

    [Fact]
    public void SameJwtOptions_SameFingerprint_DifferentOptions_Differ()
    {
        var a = AuthCompiler.Compile(AuthOptionsValidatorTests.Good(), []).Jwt!;
        var same = AuthOptionsValidatorTests.Good();
        var changed = AuthOptionsValidatorTests.Good();
        changed.Authentication.Jwt!.ClockSkewSeconds = 5;

        Assert.Equal(a.Fingerprint, AuthCompiler.Compile(same, []).Jwt!.Fingerprint);
        Assert.NotEqual(a.Fingerprint, AuthCompiler.Compile(changed, []).Jwt!.Fingerprint);
    }

    private static RouteConfig Route(string id, string? policy) => new() { RouteId = id, ClusterId = "c", AuthorizationPolicy = policy };
}
