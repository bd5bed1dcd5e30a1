using Gateway.Transforms.Headers;

namespace Gateway.Tests.Transforms.Headers;

public sealed class ViaPseudonymsTests
{
    [Theory]
    [InlineData("1.1 squid.internal:3128", "1.1 upstream")]
    [InlineData("1.1 squid.internal:3128 (squid/3.5.27)", "1.1 upstream")]
    [InlineData("1.0 fred, 1.1 p.example.net", "1.0 upstream, 1.1 upstream")]
    [InlineData("1.1 10.0.3.17, 1.1 varnish (Varnish/6.0)", "1.1 upstream")] // equal protocols merge
    [InlineData("HTTP/1.1 lb-01:80 (a, b (nested, c)), 2 edge", "HTTP/1.1 upstream, 2 upstream")]
    [InlineData("1.1 host (comment with \\) escaped paren, still inside)", "1.1 upstream")]
    [InlineData(" , 1.1 host ,, ", "1.1 upstream")]
    public void Rewrite_HidesEveryHost(string value, string expected)
    {
        Assert.Equal(expected, ViaPseudonyms.Rewrite(value, out var unreadable));
        Assert.False(unreadable);
    }

    [Fact]
    public void Rewrite_AlreadyPseudonymous_IsLeftAlone()
    {
        Assert.Null(ViaPseudonyms.Rewrite("1.1 upstream", out var unreadable));
        Assert.False(unreadable);
    }

    [Theory]
    [InlineData("squid.internal")] // no received-protocol
    [InlineData("1.1 host (unclosed comment")]
    [InlineData("(1.1) host")]
    [InlineData(" , ")]
    public void Rewrite_Unreadable_AsksForRemoval(string value)
    {
        Assert.Null(ViaPseudonyms.Rewrite(value, out var unreadable));
        Assert.True(unreadable);
    }
}
