using Gateway.Transforms.Headers;

namespace Gateway.Tests.Transforms.Headers;

public sealed class RefreshRewriterTests
{
    private static readonly string[] s_destinations = ["http://10.0.0.5:8080/"];
    private const string PublicBase = "https://api.example.com";

    [Theory]
    [InlineData("0; url=http://10.0.0.5:8080/students/2", "0; url=https://api.example.com/v2/students/2")]
    [InlineData("5;URL=http://10.0.0.5:8080/students?page=2", "5;URL=https://api.example.com/v2/students?page=2")]
    [InlineData("0; url='http://app07.corp/x'", "0; url='https://api.example.com/v2/x'")]
    [InlineData("0; url=\"http://10.0.3.17/x\" ", "0; url=\"https://api.example.com/v2/x\" ")]
    [InlineData("  3 ;  URL = http://[fd00::1]/q", "  3 ;  URL = https://api.example.com/v2/q")]
    [InlineData("0, http://10.0.3.17/z", "0, https://api.example.com/v2/z")]
    [InlineData("0;http://10.0.3.17/z", "0;https://api.example.com/v2/z")]
    [InlineData("1.5; url=/students/2", "1.5; url=/v2/students/2")]
    [InlineData("0; url=file:///C:/inetpub/x", LocationRewriter.Drop)]
    public void TryRewrite_UrlOfTheInside_RewrittenLikeLocation(string refresh, string expected) =>
        Assert.Equal(expected, RefreshRewriter.TryRewrite(refresh, s_destinations, PublicBase, "/v2", null));

    [Theory]
    [InlineData("5")]
    [InlineData("0; url=")]
    [InlineData("")]
    [InlineData("0; url=https://login.example.com/x")]
    [InlineData("0; url=students/2")] // relative to the request's own URL: already the client's
    public void TryRewrite_NothingOfTheInside_Null(string refresh) =>
        Assert.Null(RefreshRewriter.TryRewrite(refresh, s_destinations, PublicBase, "/v2", null));
}
