using System.Security.Claims;
using Gateway.Auth;
using Gateway.Auth.Proxy;

namespace Gateway.Tests.Gateway.Auth;

public sealed class CallerHeaderValuesTests
{
    [Fact]
    public void SharedIdentity_WorkedOutOnce_ForEveryPrincipalWrappingIt()
    {
        var identity = Identity(new Claim(GatewayClaims.ClientId, "app-1"), new Claim(GatewayClaims.Subject, "user-1"),
            new Claim(GatewayClaims.Scope, "a:read"), new Claim(GatewayClaims.Scope, "b:write"));

        var first = CallerHeaderValues.Of(new ClaimsPrincipal(identity));
        var second = CallerHeaderValues.Of(new ClaimsPrincipal(identity));

        Assert.Same(first, second);
        Assert.Equal(("app-1", "user-1", "a:read b:write"), (first.ClientId, first.Subject, first.Scopes));
    }

    [Fact]
    public void TwoIdentities_ClaimsOfBothCount()
    {
        var user = new ClaimsPrincipal(Identity(new Claim(GatewayClaims.ClientId, "app-1")));
        user.AddIdentity(Identity(new Claim(GatewayClaims.Subject, "user-2"), new Claim(GatewayClaims.Scope, "x")));

        var values = CallerHeaderValues.Of(user);

        Assert.Equal(("app-1", "user-2", "x"), (values.ClientId, values.Subject, values.Scopes));
    }

    [Theory]
    [InlineData("line\r\nInjected: 1")]
    [InlineData("caf\u00e9")]
    [InlineData("")]
    public void ValuesAHeaderCannotSafelyCarry_Dropped(string subject)
    {
        var values = CallerHeaderValues.Of(new ClaimsPrincipal(Identity(new Claim(GatewayClaims.Subject, subject))));

        Assert.Null(values.Subject);
        Assert.Null(values.Scopes);
    }

    [Fact]
    public void ScopesOverTheHeaderBound_Dropped()
    {
        var scopes = Enumerable.Range(0, 600).Select(i => new Claim(GatewayClaims.Scope, "scope-" + i)).ToArray();

        Assert.Null(CallerHeaderValues.Of(new ClaimsPrincipal(Identity(scopes))).Scopes);
    }

    private static ClaimsIdentity Identity(params Claim[] claims) => new(claims, "Bearer");
}
