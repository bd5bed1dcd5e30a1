using Gateway.Transforms.Headers;

namespace Gateway.Tests.Transforms.Headers;

public sealed class RedirectMeaningTests
{
    [Theory]
    [InlineData("/Error.aspx?aspxerrorpath=/api/students/12")]
    [InlineData("http://10.0.0.5/GenericErrorPage.htm?aspxerrorpath=/api/students")]
    [InlineData("/Errors/500.aspx?lang=en&AspxErrorPath=%2Fapi%2Fx")]
    public void FrameworkErrorPage(string location)
    {
        Assert.Equal(RedirectKind.ErrorPage, RedirectMeaning.Classify(location));
    }

    [Theory]
    [InlineData("/Account/Login?ReturnUrl=%2Fapi%2Fstudents")]           // ASP.NET Core Identity, Forms auth
    [InlineData("http://sis.corp/login.aspx?ReturnUrl=%2fapi%2fstudents")]
    [InlineData("http://10.0.0.5:8080/app/login")]                       // Spring Security
    [InlineData("/app/login;jsessionid=ABC")]
    [InlineData("/login.jsp")]
    [InlineData("/admin/Login.do")]
    [InlineData("/wp-login.php?redirect_to=%2Fwp-json%2Fwp%2Fv2%2Fposts")]
    [InlineData("https://sso.example.org/cas/login?service=https%3A%2F%2Fapi.example.org%2F")]
    [InlineData("https://idp.example.org/sso?SAMLRequest=fZJNT%2BMwEIbvSPwHy")]
    [InlineData("https://id.example.org/realms/sis/protocol/openid-connect/auth?client_id=sis&response_type=code&redirect_uri=x")]
    [InlineData("https://login.example.com/oauth2/v2.0/authorize?response_type=code&client_id=1")]
    [InlineData("/signin/")]
    public void LoginPage(string location)
    {
        Assert.Equal(RedirectKind.Login, RedirectMeaning.Classify(location));
    }

    [Theory]
    [InlineData("/api/students/12")]
    [InlineData("http://10.0.0.5/api/students?page=2")]
    [InlineData("/api/login-history/3")]             // a resource whose name starts like a login page
    [InlineData("/api/users/login-attempts")]
    [InlineData("/search?q=aspxerrorpath=")]          // a value, not the parameter
    [InlineData("/aspxerrorpath=/x")]
    [InlineData("/api/session?returnTo=%2F")]
    [InlineData("/api/oauth/authorize")]              // no response_type: not an authorization request
    [InlineData("https://login.example.com/")]        // a host named login is not a login page
    [InlineData("")]
    public void OrdinaryRedirect(string location)
    {
        Assert.Equal(RedirectKind.Redirect, RedirectMeaning.Classify(location));
    }

    [Theory]
    [InlineData(301, "/api/students/2")]
    [InlineData(302, "http://10.0.0.5/api/students/2")]
    [InlineData(303, "https://login.example.com/")]
    [InlineData(307, "students/2")]
    [InlineData(308, "//cdn.example.com/x")]
    [InlineData(300, "/api/students/2")]
    public void IsFollowable_DefinedRedirectWithOneLocation(int status, string location) =>
        Assert.True(RedirectMeaning.IsFollowable(status, [location]));

    [Theory]
    [InlineData(399, "/api/students/2")]   // not a status HTTP defines
    [InlineData(306, "/api/students/2")]   // unused since RFC 2616
    [InlineData(305, "/api/students/2")]   // Use Proxy: deprecated, unsafe
    [InlineData(310, "/api/students/2")]
    [InlineData(350, null)]
    [InlineData(301, null)]                // a redirect going nowhere
    [InlineData(302, "")]
    [InlineData(302, "   ")]
    [InlineData(302, "file:///C:/inetpub/x.pdf")]
    [InlineData(302, "mailto:admin@example.com")]
    public void IsFollowable_Not(int status, string? location) =>
        Assert.False(RedirectMeaning.IsFollowable(status, location is null ? [] : [location]));

    [Fact]
    public void IsFollowable_TwoLocations_IsNot() =>
        Assert.False(RedirectMeaning.IsFollowable(302, ["/a", "/b"]));
}
