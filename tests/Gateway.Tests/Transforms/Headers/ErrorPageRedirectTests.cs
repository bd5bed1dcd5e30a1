using Gateway.Transforms.Headers;

namespace Gateway.Tests.Transforms.Headers;

public sealed class ErrorPageRedirectTests
{
    [Theory]
    [InlineData("/Error.aspx?aspxerrorpath=/api/students/12", true)]
    [InlineData("http://10.0.0.5/GenericErrorPage.htm?aspxerrorpath=/api/students", true)]
    [InlineData("/Errors/500.aspx?lang=en&AspxErrorPath=%2Fapi%2Fx", true)]
    [InlineData("/api/students/12", false)]
    [InlineData("/login?ReturnUrl=%2Fapi%2Fstudents", false)]
    [InlineData("/search?q=aspxerrorpath=", false)] // a value, not the parameter
    [InlineData("/aspxerrorpath=/x", false)]
    public void IsErrorPage_OnlyTheFrameworkErrorRedirect(string location, bool expected)
    {
        Assert.Equal(expected, ErrorPageRedirect.IsErrorPage(location));
    }
}
