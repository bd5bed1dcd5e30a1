using System.Security.Claims;
using Gateway.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features.Authentication;

namespace Gateway.Tests.Gateway.Auth;

public sealed class AuthenticatedCallerTests
{
    [Fact]
    public void NobodyAuthenticated_Null_AndNoPrincipalMadeUp()
    {
        var context = new DefaultHttpContext();

        Assert.Null(AuthenticatedCaller.Of(context));
        Assert.Null(context.Features.Get<IHttpAuthenticationFeature>());
    }

    [Fact]
    public void AuthenticatedUser_Returned()
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "caller")], "ApiKey"));
        var context = new DefaultHttpContext { User = user };

        Assert.Same(user, AuthenticatedCaller.Of(context));
    }

    [Fact]
    public void AnonymousPrincipal_Null()
    {
        var context = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "caller")])) };

        Assert.Null(AuthenticatedCaller.Of(context));
    }
}
