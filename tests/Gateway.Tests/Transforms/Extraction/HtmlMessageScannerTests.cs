using System.Text;
using Gateway.Transforms.Extraction;

namespace Gateway.Tests.Transforms.Extraction;

/// <summary>
/// The headline scanner reads UTF-8 bytes and decodes only the elements' content; it must find the same h1, title, h2
/// and status-report message text as the search over the decoded page ignoring case did (<see cref="ReferenceExtraction"/>).
/// </summary>
public class HtmlMessageScannerTests
{
    private static readonly string[] s_fragments =
    [
        "<h1>", "<H1 class=\"x\">", "<h1\u00A0id=a>", "<h1\u2003>", "<h1/>", "<h10>", "<header>", "</h1>", "</H1 >",
        "<title>", "<TiTlE lang=en>", "<title\t>", "</title>", "</TITLE>", "<titles>", "<h2>", "<H2>", "</h2>", "</h2",
        "<br>", "<b>", "</b>", "<b>Message</b>", "<B>MESSAGE</B> ", "</p>", "<th>MESSAGE:</th>", "<td>", "</td>", "<pre>reason: ", "<pre>", "</pre>", "</PRE", "&amp;", "&lt;", "&#x41;", "&quot;", "&#39;", "&nbsp;", "&#0065;", "&apos", ";", " ", "\n", "\t", "Page not found", "Erreur ", "é", "€", "\U0001D11E",
        "中文", "ı", "ſ", "\u212A", "<", ">", "h1", "/", "<h", "<H", "<t", "</",
        new string('x', 700), new string('é', 1500), string.Concat(Enumerable.Repeat("\U0001D11E", 1100)), new string('中', 2100),
    ];

    [Fact]
    public void Candidate_RandomPages_SameAsTheSearchOverTheDecodedPage()
    {
        var random = new Random(20261206);
        for (var page = 0; page < 4000; page++)
        {
            var html = Fragments.Join(random, s_fragments, 24);
            AssertSame(html, $"page {page}");
        }
    }

    [Theory]
    [InlineData(2046)]
    [InlineData(2047)]
    [InlineData(2048)]
    [InlineData(2049)]
    public void Candidate_ContentCutInsideASurrogatePair_SameAsTheSearchOverTheDecodedPage(int asciiBefore)
    {
        // The content is cut at 2048 UTF-16 code units; a pair on the cut loses its low surrogate in both.
        var content = new string('a', asciiBefore) + string.Concat(Enumerable.Repeat("\U0001D11E", 10));
        AssertSame("<h1>" + content + "</h1>", "pair on the cut");
        AssertSame("<title>" + content, "no closing tag");
        AssertSame("<h2>" + new string('中', 2047) + "\U0001D11E" + new string('中', 5000) + "</h2>", "three-byte characters");
    }

    // Decoys that start like the tag ("<h10>", "<header>") one after the other, the real tag after them in either case.
    [Theory]
    [InlineData("<h10>", "<H1>")]
    [InlineData("<H10>", "<h1>")]
    [InlineData("<header><H2x>", "<h1 >")]
    public void Candidate_ManyDecoysBeforeTheTag_SameAsTheSearchOverTheDecodedPage(string decoy, string tag)
    {
        var page = string.Concat(Enumerable.Repeat(decoy, 20000)) + tag + "Student not found</h1><h2>Details</H2>";
        AssertSame(page, decoy);
        Assert.Equal("Student not found", HtmlMessageScanner.Candidate(Encoding.UTF8.GetBytes(page), 0));
    }

    [Theory]
    [InlineData("<h1>Not Found</h1>", "Not Found")]
    [InlineData("<H1 CLASS=x>Server <b>Error</b></H1>", "Server  Error ")]
    [InlineData("<header>x</header><h10>y</h10><h1\u00A0id=a>Bad &amp; worse</h1>", "Bad & worse")]
    [InlineData("<h1", null)]
    [InlineData("<h1 class='never closed'", null)]
    public void Candidate_H1_IsTheElementText(string html, string? expected)
    {
        Assert.Equal(expected, HtmlMessageScanner.Candidate(Encoding.UTF8.GetBytes(html), 0));
        AssertSame(html, html);
    }

    // Jetty's parser rejection: its reason says what the client sent wrong and nothing of the server, so it is read.
    [Theory]
    [InlineData("<h1>Bad Message 400</h1><pre>reason: Illegal character CNTL=0x0</pre>", "Illegal character CNTL=0x0")]
    [InlineData("<h1>Bad Message 400</h1>\n<pre>reason: Duplicate Content-Length</pre>", "Duplicate Content-Length")]
    [InlineData("<h1>Bad Message 400</h1><pre>reason: Bad &lt;Host&gt;", "Bad <Host>")]
    [InlineData("<h1>Bad Message 400</h1><pre>Illegal character</pre>", null)]
    [InlineData("<h1>Error</h1><p>x</p><pre>reason: Illegal character</pre>", "x")]
    public void Candidate_JettyBadMessageReason_IsTheCandidateAfterTheHeadline(string html, string? expected)
    {
        Assert.Equal(expected, HtmlMessageScanner.Candidate(Encoding.UTF8.GetBytes(html), 5));
        AssertSame(html, html);
    }

    private static void AssertSame(string html, string what)
    {
        var expected = ReferenceExtraction.HtmlCandidates(html);
        var utf8 = Encoding.UTF8.GetBytes(html);
        for (var element = 0; element < HtmlMessageScanner.Elements; element++)
        {
            var actual = HtmlMessageScanner.Candidate(utf8, element);
            Assert.True(expected[element] == actual, $"{what}, element {element}: expected «{expected[element]}», got «{actual}»");
        }
    }
}
