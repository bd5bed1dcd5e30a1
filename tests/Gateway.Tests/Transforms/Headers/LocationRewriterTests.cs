using Gateway.Transforms.Headers;

namespace Gateway.Tests.Transforms.Headers;

public sealed class LocationRewriterTests
{
    private const string Public = "https://api.example.com";

    [Theory]
    [InlineData("http://10.0.0.5:8080/api/students/4", new[] { "http://10.0.0.5:8080/" }, null, null, "https://api.example.com/api/students/4")]
    [InlineData("http://10.0.0.5:8080/api/students/4?x=1", new[] { "http://10.0.0.5:8080" }, null, null, "https://api.example.com/api/students/4?x=1")]
    [InlineData("http://LEGACY:80/api/s", new[] { "http://legacy/" }, null, null, "https://api.example.com/api/s")]
    [InlineData("http://10.0.0.5/app/api/s", new[] { "http://10.0.0.5/app/" }, null, null, "https://api.example.com/api/s")]
    [InlineData("http://10.0.0.5/apple/x", new[] { "http://10.0.0.5/app/" }, null, null, null)]
    [InlineData("http://10.0.0.5:8080/api/s", new[] { "http://10.0.0.6:8080/", "http://10.0.0.5:8080/" }, null, null, "https://api.example.com/api/s")]
    [InlineData("http://10.0.0.5:8080/api/s", new[] { "http://10.0.0.5:8080/" }, "/v2", null, "https://api.example.com/v2/api/s")]
    [InlineData("http://10.0.0.5:8080/legacy/api/s", new[] { "http://10.0.0.5:8080/" }, null, "/legacy", "https://api.example.com/api/s")]
    [InlineData("/api/s", new[] { "http://10.0.0.5/" }, "/v2", null, "/v2/api/s")]
    [InlineData("/api/s", new[] { "http://10.0.0.5/" }, null, null, null)]
    [InlineData("https://login.example.org/sso", new[] { "http://10.0.0.5/" }, null, null, null)]
    [InlineData("http://10.0.0.5:9090/api/s", new[] { "http://10.0.0.5:8080/" }, null, null, null)]
    [InlineData("ftp://10.0.0.5/x", new[] { "http://10.0.0.5/" }, null, null, null)]
    [InlineData("not a uri at all", new[] { "http://10.0.0.5/" }, null, null, null)]
    [InlineData("//10.0.0.5/x", new[] { "http://10.0.0.5/" }, null, null, null)]
    public void TryRewrite_Cases(string location, string[] destinations, string? removed, string? added, string? expected) =>
        Assert.Equal(expected, LocationRewriter.TryRewrite(location, destinations, Public, removed, added));
}
