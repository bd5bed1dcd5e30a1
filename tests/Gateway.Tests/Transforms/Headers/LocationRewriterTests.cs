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
    [InlineData("http://10.0.0.5/apple/x", new[] { "http://10.0.0.5/app/" }, null, null, "https://api.example.com/apple/x")] // outside the base path: host still hidden
    [InlineData("http://10.0.0.5:8080/api/s", new[] { "http://10.0.0.6:8080/", "http://10.0.0.5:8080/" }, null, null, "https://api.example.com/api/s")]
    [InlineData("http://10.0.0.5:8080/api/s", new[] { "http://10.0.0.5:8080/" }, "/v2", null, "https://api.example.com/v2/api/s")]
    [InlineData("http://10.0.0.5:8080/legacy/api/s", new[] { "http://10.0.0.5:8080/" }, null, "/legacy", "https://api.example.com/api/s")]
    [InlineData("http://10.0.0.5:8080/legacy?page=2", new[] { "http://10.0.0.5:8080/" }, null, "/legacy", "https://api.example.com/?page=2")]
    [InlineData("http://10.0.0.5:8080/legacyapp/s", new[] { "http://10.0.0.5:8080/" }, null, "/legacy", "https://api.example.com/legacyapp/s")] // not under the prefix
    [InlineData("/api/s", new[] { "http://10.0.0.5/" }, "/v2", null, "/v2/api/s")]
    [InlineData("/api/s", new[] { "http://10.0.0.5/" }, null, null, null)]
    [InlineData("https://login.example.org/sso", new[] { "http://10.0.0.5/" }, null, null, null)]
    [InlineData("http://10.0.0.5:9090/api/s", new[] { "http://10.0.0.5:8080/" }, null, null, "https://api.example.com/api/s")]
    [InlineData("http://10.9.8.7/login?next=%2F", new[] { "http://legacy.example.net/" }, null, null, "https://api.example.com/login?next=%2F")]
    [InlineData("http://localhost:5080/api/s/1", new[] { "http://127.0.0.1:5080/" }, "/v2", null, "https://api.example.com/v2/api/s/1")]
    [InlineData("http://APPSRV01/api/s", new[] { "http://10.0.0.5/" }, null, null, "https://api.example.com/api/s")]
    [InlineData("https://db1.corp/x", new[] { "http://10.0.0.5/" }, null, null, "https://api.example.com/x")]
    [InlineData("http://[fd12::5]:8080/x", new[] { "http://10.0.0.5/" }, null, null, "https://api.example.com/x")]
    [InlineData("http://172.32.0.1/x", new[] { "http://10.0.0.5/" }, null, null, null)] // 172.32 is public
    [InlineData("http://8.8.8.8/x", new[] { "http://10.0.0.5/" }, null, null, null)]
    [InlineData("https://api.example.com/v2/api/s", new[] { "http://10.0.0.5/" }, "/v2", null, null)] // already public
    [InlineData("ftp://10.0.0.5/x", new[] { "http://10.0.0.5/" }, null, null, null)]
    [InlineData("not a uri at all", new[] { "http://10.0.0.5/" }, null, null, null)]
    [InlineData("//10.0.0.5/x", new[] { "http://10.0.0.5/" }, null, null, "https://api.example.com/x")] // network-path reference
    [InlineData("//legacy-sis:8080/x?y=1", new[] { "http://10.0.0.5/" }, "/v2", null, "https://api.example.com/v2/x?y=1")]
    [InlineData("//cdn.example.com/x.css", new[] { "http://10.0.0.5/" }, null, null, null)]
    [InlineData("http://students.sis.svc:8080/x", new[] { "http://10.0.0.5/" }, null, null, "https://api.example.com/x")]
    [InlineData("http://roster.service.consul/x", new[] { "http://10.0.0.5/" }, null, null, "https://api.example.com/x")]
    [InlineData("http://sa:S3cret@reports.example.com/x?y=1", new[] { "http://10.0.0.5/" }, null, null, "http://reports.example.com/x?y=1")] // RFC 9110 §4.2.4
    [InlineData("HTTPS://svc%40corp:pw@reports.example.com", new[] { "http://10.0.0.5/" }, null, null, "HTTPS://reports.example.com")]
    [InlineData("//user@cdn.example.com/x", new[] { "http://10.0.0.5/" }, null, null, "//cdn.example.com/x")]
    [InlineData("https://reports.example.com/x?by=a@b.example", new[] { "http://10.0.0.5/" }, null, null, null)] // '@' past the authority
    [InlineData("http://admin:pw@10.0.0.5/x", new[] { "http://10.0.0.5/" }, null, null, "https://api.example.com/x")]
    [InlineData("https://sso.example.com/cb?return=http://10.0.0.5:8080/api/s&x=1", new[] { "http://10.0.0.5:8080/" }, "/v2", null, "https://sso.example.com/cb?return=https://api.example.com/v2/api/s&x=1")]
    [InlineData("http://10.0.0.5:8080/a?next=http%3A%2F%2Fapp07.corp%2Fb%3Fc%3D1#f", new[] { "http://10.0.0.5:8080/" }, null, null, "https://api.example.com/a?next=https%3A%2F%2Fapi.example.com%2Fb%3Fc%3D1#f")]
    [InlineData("/login?ReturnUrl=http%3a%2f%2f10.0.0.5%2fapi%2fs", new[] { "http://10.0.0.5/" }, null, null, "/login?ReturnUrl=https%3A%2F%2Fapi.example.com%2Fapi%2Fs")]
    [InlineData("https://sso.example.com/cb?return=https://app.example.com/x&q=a%20b", new[] { "http://10.0.0.5/" }, null, null, null)] // public: as it came
    [InlineData("https://sso.example.com/cb?q=10.0.0.5&n=", new[] { "http://10.0.0.5/" }, null, null, null)] // not a URL
    public void TryRewrite_Cases(string location, string[] destinations, string? removed, string? added, string? expected) =>
        Assert.Equal(expected, LocationRewriter.TryRewrite(location, destinations, Public, removed, added));

    [Fact]
    public void TryRewrite_LocationAlreadyOnTheClientsOwnInternalHost_IsLeftAlone() =>
        Assert.Null(LocationRewriter.TryRewrite("http://127.0.0.1:8080/v2/api/s", ["http://127.0.0.1:5080/"], "http://127.0.0.1:8080", "/v2", null));
}
