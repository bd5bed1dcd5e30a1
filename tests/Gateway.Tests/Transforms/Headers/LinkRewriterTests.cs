using Gateway.Transforms.Headers;

namespace Gateway.Tests.Transforms.Headers;

public sealed class LinkRewriterTests
{
    private const string Public = "https://api.example.com";
    private static readonly string[] s_destinations = ["http://10.0.0.5:8080/"];

    [Theory]
    [InlineData(
        "<http://10.0.0.5:8080/api/students?page=2>; rel=\"next\", <http://10.0.0.5:8080/api/students?page=9>; rel=\"last\"",
        "<https://api.example.com/api/students?page=2>; rel=\"next\", <https://api.example.com/api/students?page=9>; rel=\"last\"")]
    [InlineData("<http://APPSRV01/api/s?page=2>; rel=next", "<https://api.example.com/api/s?page=2>; rel=next")] // another internal host
    [InlineData("<https://docs.example.org/api>; rel=\"help\", <http://10.0.0.5:8080/api/s/2>; rel=\"next\"",
        "<https://docs.example.org/api>; rel=\"help\", <https://api.example.com/api/s/2>; rel=\"next\"")] // public target kept
    [InlineData("<http://10.0.0.5:8080/s>; title=\"a <b> \\\" c\"; rel=next", "<https://api.example.com/s>; title=\"a <b> \\\" c\"; rel=next")]
    public void TryRewrite_InternalTargets_BecomeThePublicAddress(string link, string expected) =>
        Assert.Equal(expected, LinkRewriter.TryRewrite(link, s_destinations, Public, null, null));

    [Theory]
    [InlineData("<https://docs.example.org/api>; rel=\"help\"")]
    [InlineData("</api/students?page=2>; rel=\"next\"")] // path-absolute with no path transforms: already the client's host
    [InlineData("<http://10.0.0.5:8080/api/s; rel=next")] // no closing bracket: left alone
    [InlineData("")]
    public void TryRewrite_NothingInternal_IsLeftAlone(string link) =>
        Assert.Null(LinkRewriter.TryRewrite(link, s_destinations, Public, null, null));

    [Fact]
    public void TryRewrite_UndoesTheRoutesPathTransforms() =>
        Assert.Equal("</v2/api/s?page=2>; rel=\"next\"", LinkRewriter.TryRewrite("</api/s?page=2>; rel=\"next\"", s_destinations, Public, "/v2", null));
}
