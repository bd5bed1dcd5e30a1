using Gateway.Transforms.Headers;

namespace Gateway.Tests.Transforms.Headers;

public sealed class SetCookieRewriterTests
{
    [Theory]
    [InlineData("JSESSIONID=A1B2; Domain=app07.corp; Path=/; HttpOnly", "JSESSIONID=A1B2; Path=/; HttpOnly")]
    [InlineData("sid=1; domain=.intranet; secure", "sid=1; secure")]
    [InlineData("sid=1; Domain=10.0.0.5", "sid=1")]
    [InlineData("sid=1; Domain=APPSRV01; Max-Age=60", "sid=1; Max-Age=60")]
    [InlineData("sid=1;Domain=localhost;SameSite=Lax", "sid=1;SameSite=Lax")]
    [InlineData("sid=1; Domain=[fd00::5]", "sid=1")]
    [InlineData("sid=1; Domain=not a host", "sid=1")]
    public void InternalDomain_IsDropped_RestKeptAsSent(string cookie, string expected)
    {
        Assert.Equal(expected, SetCookieRewriter.TryRewrite(cookie, null, null));
    }

    [Theory]
    [InlineData("sid=1; Domain=example.com; Path=/")]
    [InlineData("sid=1; Domain=.shop.example.org")]
    [InlineData("sid=1; Path=/api; HttpOnly")]
    [InlineData("sid=1")]
    [InlineData("domain=app07.corp")] // the cookie's own name and value are data
    [InlineData("sid=1; Domain=")]
    public void NothingInternal_NoPrefix_Unchanged(string cookie)
    {
        Assert.Null(SetCookieRewriter.TryRewrite(cookie, null, null));
    }

    [Theory]
    [InlineData("sid=1; Path=/api; HttpOnly", "/v2", null, "sid=1; Path=/v2/api; HttpOnly")]
    [InlineData("sid=1; path=/api/students", "/v2/", null, "sid=1; Path=/v2/api/students")]
    [InlineData("sid=1; Path=/legacy/app", null, "/legacy", "sid=1; Path=/app")]
    [InlineData("sid=1; Path=/legacy", null, "/legacy", "sid=1; Path=/")]
    [InlineData("sid=1; Path=/legacy/app", "/v2", "/legacy", "sid=1; Path=/v2/app")]
    public void PathUnderARoutePrefix_MapsLikeALocation(string cookie, string? removed, string? added, string expected)
    {
        Assert.Equal(expected, SetCookieRewriter.TryRewrite(cookie, removed, added));
    }

    [Theory]
    [InlineData("sid=1; Path=/", "/v2", null)]               // "/" already covers the public path
    [InlineData("sid=1; Path=/legacyapp", null, "/legacy")]  // not under the prefix: a different segment
    [InlineData("sid=1; Path=relative", "/v2", null)]
    public void PathNotToMap_Unchanged(string cookie, string? removed, string? added)
    {
        Assert.Null(SetCookieRewriter.TryRewrite(cookie, removed, added));
    }

    [Fact]
    public void RouteWithoutHeaderStripping_KeepsTheDomain_StillMapsThePath()
    {
        Assert.Null(SetCookieRewriter.TryRewrite("sid=1; Domain=app07.corp", null, null, dropInternalDomain: false));
        Assert.Equal("sid=1; Domain=app07.corp; Path=/v2/api", SetCookieRewriter.TryRewrite("sid=1; Domain=app07.corp; Path=/api", "/v2", null, dropInternalDomain: false));
    }
}
