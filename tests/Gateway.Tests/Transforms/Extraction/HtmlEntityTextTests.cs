using System.Net;
using Gateway.Transforms.Extraction;

namespace Gateway.Tests.Transforms.Extraction;

/// <summary>Entity decoding into a buffer gives exactly what <see cref="WebUtility.HtmlDecode(string)"/> gives.</summary>
public sealed class HtmlEntityTextTests
{
    [Theory]
    [InlineData("")]
    [InlineData("no entities at all")]
    [InlineData("&lt;b&gt;Server Error&lt;/b&gt; in &apos;/SisApi&apos; Application&nbsp;&copy;")]
    [InlineData("&#65;&#x42;&#X43;&#0000000000000000000000000000000000000068; &# 69; &#+70; &#-71;")]
    [InlineData("&#x1F600; &#128512; &#xD800; &#55296; &#x110000; &#4294967296; &#xFFFFFFFF;")]
    [InlineData("Tom & Jerry; a && b; &; &#; &#x; &amp &amp;amp; &&lt; &unknown; &LT; &Lt;")]
    [InlineData("trailing &")]
    [InlineData("trailing &amp")]
    [InlineData("&nbsp&nbsp;&nbsp")]
    [InlineData("&#0;&#9;&#39;&#128;&#150;&#9999;&#09999;&#10000; &quot;&QUOT;&apos;&gt;&gt &lt;&lt")]
    public void Samples_SameAsWebUtility(string markup) => AssertSame(markup);

    [Fact]
    public void RandomMarkup_SameAsWebUtility()
    {
        var random = new Random(20261206);
        string[] pieces = ["&", ";", "#", "x", "X", "0", "1", "9", "F", "a", "amp", "lt", "gt", "quot", "apos", "nbsp", "#39", "#1", "eacute", "hellip", " ", "<", "é", "😀", "\n"];
        for (var i = 0; i < 5000; i++)
        {
            var markup = string.Concat(Enumerable.Range(0, random.Next(0, 30)).Select(_ => pieces[random.Next(pieces.Length)]));
            AssertSame(markup);
        }
    }

    private static void AssertSame(string markup)
    {
        var buffer = new char[markup.Length];
        var written = HtmlEntityText.Decode(markup, buffer);
        Assert.Equal(WebUtility.HtmlDecode(markup), new string(buffer, 0, written));
    }
}
