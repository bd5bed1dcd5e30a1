using Gateway.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests;

/// <summary>Success statuses outside the route's profile are mapped; a 204 that arrives with a body stays a clean 204.</summary>
public sealed class SuccessStatusTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("/api/x", "202 Accepted", 200)] // Ed-Fi has no 202
    [InlineData("/v2/api/x", "202 Accepted", 202)] // ProblemDetails allows it
    [InlineData("/api/x", "203 Non-Authoritative Information", 200)]
    [InlineData("/v2/api/x", "299 Whatever", 200)]
    [InlineData("/raw/x", "299 Whatever", 299)] // normalization opted out: untouched
    public async Task SuccessStatusOutsideProfile_MappedToNearest_BodyKept(string path, string statusLine, int expected)
    {
        using var upstream = RawTcpUpstream.Answer($"HTTP/1.1 {statusLine}\r\nContent-Type: application/json\r\nContent-Length: 8\r\n\r\n{{\"id\":7}}");
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        using var response = await gateway.Client.GetAsync(path);

        Assert.Equal(expected, (int)response.StatusCode);
        Assert.Equal("{\"id\":7}", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/api/x", "200 OK - served by app-07.corp", 200, "OK")]
    [InlineData("/api/x", "299 Whatever", 200, "OK")]
    [InlineData("/api/x", "500 java.lang.NullPointerException at com.acme.Roster.find", 500, "Internal Server Error")]
    [InlineData("/v2/api/x", "404 Student Not Found In Table dbo.Students", 404, "Not Found")]
    [InlineData("/raw/x", "200 OK - served by app-07.corp", 200, "OK - served by app-07.corp")] // stripping opted out
    public async Task UpstreamReasonPhrase_IsReplacedByTheStandardOne(string path, string statusLine, int expected, string reason)
    {
        using var upstream = RawTcpUpstream.Answer($"HTTP/1.1 {statusLine}\r\nContent-Type: application/json\r\nContent-Length: 8\r\n\r\n{{\"id\":7}}");
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        using var response = await gateway.Client.GetAsync(path);

        Assert.Equal(expected, (int)response.StatusCode);
        Assert.Equal(reason, response.ReasonPhrase);
    }

    [Theory]
    [InlineData("/api/x", "205 Reset Content")]
    [InlineData("/v2/api/x", "205 Reset Content")]
    public async Task ResetContent_BecomesNoContent(string path, string statusLine)
    {
        using var upstream = RawTcpUpstream.Answer($"HTTP/1.1 {statusLine}\r\nContent-Length: 0\r\n\r\n");
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        using var response = await gateway.Client.GetAsync(path);

        Assert.Equal(204, (int)response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/api/x")]
    [InlineData("/raw/x")]
    public async Task NoContentWithABodyAndLength_StaysAClean204_NotAServerError(string path)
    {
        // Old servers send "204" with a Content-Length and bytes after it.
        using var upstream = RawTcpUpstream.Answer("HTTP/1.1 204 No Content\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello");
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        using var response = await gateway.Client.GetAsync(path);

        Assert.Equal(204, (int)response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.DoesNotContain(gateway.Logs.Lines, l => l.Message.Contains("unhandled exception", StringComparison.OrdinalIgnoreCase));
    }
}
