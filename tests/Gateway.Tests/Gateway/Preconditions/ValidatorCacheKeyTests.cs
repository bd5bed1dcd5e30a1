using System.Security.Claims;
using Gateway.Auth;
using Gateway.Preconditions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Features.Authentication;

namespace Gateway.Tests.Gateway.Preconditions;

/// <summary>Who shares an entry: the key per host, target and caller, and the requests that bypass the cache.</summary>
public sealed class ValidatorCacheKeyTests
{
    [Fact]
    public void Anonymous_KeyedByHostAndTarget_NotByCaller()
    {
        Assert.True(ValidatorCacheKey.TryCreate(Request("/items/1?a=b"), "X-API-Key", out var key));

        Assert.False(key.KeyedByCaller);
        Assert.Equal("gw.example\n/items/1?a=b\n", Text(key));
    }

    [Theory]
    [InlineData("Authorization", "Bearer abc")]
    [InlineData("Cookie", "session=1")]
    [InlineData("x-api-key", "unchecked")]
    public void Anonymous_WithCredentialsTheGatewayDidNotCheck_Bypasses(string name, string value)
    {
        var context = Request("/items/1");
        context.Request.Headers[name] = value;

        Assert.False(ValidatorCacheKey.TryCreate(context, "X-API-Key", out _));
    }

    [Fact]
    public void Callers_EachTheirOwnKey_SameIdByAnotherCredentialDiffers()
    {
        var alice = Key(Caller(GatewayClaims.ApiKeyAuthenticationType, "alice"));
        var bob = Key(Caller(GatewayClaims.ApiKeyAuthenticationType, "bob"));
        var aliceByToken = Key(Caller(GatewayClaims.BearerAuthenticationType, "alice"));

        Assert.Equal("gw.example\n/items/1\nApiKey\nalice\nalice", alice);
        Assert.NotEqual(alice, bob);
        Assert.NotEqual(alice, aliceByToken);
    }

    [Fact]
    public void AuthenticatedWithoutClientIdOrSubject_Bypasses()
    {
        var context = Request("/items/1");
        var identity = new ClaimsIdentity([new Claim("tenant", "x")], GatewayClaims.BearerAuthenticationType);
        context.Features.Set<IHttpAuthenticationFeature>(new HttpAuthenticationFeature { User = new ClaimsPrincipal(identity) });

        Assert.False(ValidatorCacheKey.TryCreate(context, "X-API-Key", out _));
    }

    private static string Key(ClaimsPrincipal user)
    {
        var context = Request("/items/1");
        context.Features.Set<IHttpAuthenticationFeature>(new HttpAuthenticationFeature { User = user });
        Assert.True(ValidatorCacheKey.TryCreate(context, "X-API-Key", out var key));
        Assert.True(key.KeyedByCaller);
        return Text(key);
    }

    private static ClaimsPrincipal Caller(string authenticationType, string id) =>
        new(new ClaimsIdentity([new Claim(GatewayClaims.Subject, id), new Claim(GatewayClaims.ClientId, id)], authenticationType));

    private static DefaultHttpContext Request(string target)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Host = "gw.example";
        context.Features.Get<IHttpRequestFeature>()!.RawTarget = target;
        return context;
    }

    private static string Text(ValidatorCacheKey key)
    {
        var buffer = new char[key.Length];
        key.CopyTo(buffer);
        return new string(buffer);
    }
}
