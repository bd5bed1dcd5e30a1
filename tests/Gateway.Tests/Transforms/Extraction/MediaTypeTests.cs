using Gateway.Transforms.Extraction;

namespace Gateway.Tests.Transforms.Extraction;

public sealed class MediaTypeTests
{
    [Theory]
    [InlineData(null, "", null)]
    [InlineData("  ", "", null)]
    [InlineData("text/html", "text/html", null)]
    [InlineData("text/html; charset=utf-8", "text/html", "utf-8")]
    [InlineData("Text/HTML;Charset=\"UTF-8\"", "Text/HTML", "UTF-8")]
    [InlineData("application/problem+json; foo=bar; charset=iso-8859-1", "application/problem+json", "iso-8859-1")]
    [InlineData(" application/json ;charset= utf-16 ", "application/json", "utf-16")]
    [InlineData("application/vnd.api+json", "application/vnd.api+json", null)]
    [InlineData("text/plain; charset=", "text/plain", "")]
    public void Parse_TypeAndCharset(string? header, string type, string? charset)
    {
        var media = MediaType.Parse(header);

        Assert.Equal(type, media.Type);
        Assert.Equal(charset, media.Charset);
    }

    [Fact]
    public void Parse_CommonSpellings_NoNewStrings()
    {
        // The usual header gives back the same string objects each time: nothing allocated per error for them.
        var first = MediaType.Parse("text/html; charset=utf-8");
        var second = MediaType.Parse(string.Concat("text/html", "; charset=utf-8"));

        Assert.Same(first.Type, second.Type);
        Assert.Same(first.Charset, second.Charset);
        Assert.True(MediaType.Parse("application/json").IsJson);
        Assert.True(MediaType.Parse("TEXT/HTML").IsHtml);
    }
}
