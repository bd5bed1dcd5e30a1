using Gateway.Transforms.Headers;

namespace Gateway.Tests.Transforms.Headers;

/// <summary>Location values a browser (WHATWG URL parsing) takes to an internal host, whatever a naive parser makes of them.</summary>
public sealed class BrowserUrlTests
{
    private const string Public = "https://api.example.com";
    private static readonly string[] s_destinations = ["http://10.0.0.5:8080/"];

    [Theory]
    [InlineData(@"/\app07.corp/api/x", "https://api.example.com/api/x")]            // "/\" is "//": a network path
    [InlineData("///10.0.3.17/x", "https://api.example.com/x")]                     // extra slashes are skipped
    [InlineData(@"\/10.0.3.17/x", "https://api.example.com/x")]
    [InlineData(@"http:\\10.0.3.17\api\x", "https://api.example.com/api/x")]        // backslash is slash in http(s)
    [InlineData("http:10.0.3.17/api/x", "https://api.example.com/api/x")]           // a scheme without slashes
    [InlineData("http:///10.0.3.17/x", "https://api.example.com/x")]
    [InlineData(@"http://10.0.3.17\@public.example.com/x", "https://api.example.com/@public.example.com/x")] // the host ends at '\'
    [InlineData("http://public.example.com@10.0.3.17/x", "https://api.example.com/x")] // user info is not the host
    [InlineData("http://10.0.3.17./x", "https://api.example.com/x")]                // a trailing dot
    [InlineData("http://app07.corp./api/x", "https://api.example.com/api/x")]
    [InlineData("http://%31%30.0.3.17/x", "https://api.example.com/x")]             // a percent-encoded host
    [InlineData("http://app07.corp%2e/api/x", "https://api.example.com/api/x")]
    [InlineData("http://0x0A.0.3.17/x", "https://api.example.com/x")]               // IPv4 in hex, octal, or fewer parts
    [InlineData("http://012.0.3.17/x", "https://api.example.com/x")]
    [InlineData("http://10.3.17/x", "https://api.example.com/x")]
    [InlineData("http://167773969/x", "https://api.example.com/x")]
    [InlineData("http://0x7f000001:8080/x", "https://api.example.com/x")]
    [InlineData("HTTP://10.0.3.17/x?q=a\\b#f", "https://api.example.com/x?q=a%5Cb#f")] // a query keeps its backslash (escaped)
    [InlineData("http://10.0.\t3.17/x", "https://api.example.com/x")]              // tabs are removed
    [InlineData(@"http:\\10.0.0.5:8080\api\s", "https://api.example.com/api/s")]    // the destination itself
    public void TryRewrite_WhatABrowserSendsInside_IsThePublicAddress(string location, string expected) =>
        Assert.Equal(expected, LocationRewriter.TryRewrite(location, s_destinations, Public, null, null));

    [Theory]
    [InlineData(@"\\APPSRV01\reports\x.pdf")]  // UNC: a share's path
    [InlineData(@"\\10.0.3.17\c$\x")]
    [InlineData("file:///C:/inetpub/wwwroot/sis/x.pdf")]
    [InlineData("FILE://appsrv01/share/x")]
    public void TryRewrite_FileAndSharePaths_AreDropped(string location) =>
        Assert.Equal(LocationRewriter.Drop, LocationRewriter.TryRewrite(location, s_destinations, Public, null, null));

    [Theory]
    [InlineData(@"http:\\public.example.com\x")]     // odd, but public
    [InlineData("http://public.example.com./x")]
    [InlineData("http://8.8.8.8./x")]
    [InlineData("/api/x\\y")]                        // a path on the client's host
    [InlineData("api/x")]
    [InlineData("mailto:help@app07.corp")]           // another scheme: left as it was
    [InlineData("http://10.0.3.256/x")]              // not an address a browser accepts
    [InlineData("http://app07.10/x")]
    public void TryRewrite_NothingInternalToABrowser_IsLeftAlone(string location) =>
        Assert.Null(LocationRewriter.TryRewrite(location, s_destinations, Public, null, null));

    [Fact]
    public void LinkRewriter_ALinkToAFile_DropsTheLine() =>
        Assert.Equal(LocationRewriter.Drop, LinkRewriter.TryRewrite("</api/s>; rel=\"self\", <file:///D:/exports/s.csv>; rel=\"alternate\"", s_destinations, Public, null, null));

    [Theory]
    [InlineData("http://10.0.3.17/x", "Web", "http://10.0.3.17/x")]
    [InlineData("https://%41pp07.corp/x", "Web", "https://app07.corp/x")]
    [InlineData("//h/x", "Web", "http://h/x")]
    [InlineData("/x", "Relative", null)]
    [InlineData("x:y", "Other", null)]
    [InlineData(@"\\h\s", "FilePath", null)]
    public void Read_Kinds(string reference, string kind, string? uri)
    {
        var read = BrowserUrl.Read(reference);
        Assert.Equal(kind, read.Kind.ToString());
        Assert.Equal(uri, read.Uri?.AbsoluteUri);
    }
}
