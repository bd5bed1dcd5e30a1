using System.Security.Claims;
using Gateway.Auth.Authentication;
using Microsoft.AspNetCore.Authentication;

namespace Gateway.Tests.Gateway.Auth;

public sealed class AuthenticatedRequestFeatureTests
{
    private static readonly ClaimsPrincipal s_caller = new(new ClaimsIdentity([new Claim("sub", "caller")], "Bearer"));

    [Fact]
    public void Result_And_User_AreTheAuthenticatedOnes()
    {
        var result = AuthenticateResult.Success(new AuthenticationTicket(s_caller, "Gateway"));
        var feature = new AuthenticatedRequestFeature(result);

        Assert.Same(result, feature.AuthenticateResult);
        Assert.Same(s_caller, feature.User);
    }

    [Fact]
    public void UserSetByHand_DropsTheResult_NoLongerMatching()
    {
        var feature = new AuthenticatedRequestFeature(AuthenticateResult.Success(new AuthenticationTicket(s_caller, "Gateway")));
        var other = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "other")], "ApiKey"));

        feature.User = other;

        Assert.Null(feature.AuthenticateResult);
        Assert.Same(other, feature.User);
    }

    [Fact]
    public void ResultSet_UserFollows()
    {
        var feature = new AuthenticatedRequestFeature(AuthenticateResult.Success(new AuthenticationTicket(s_caller, "Gateway")));

        feature.AuthenticateResult = AuthenticateResult.NoResult();

        Assert.Null(feature.User);
    }
}
