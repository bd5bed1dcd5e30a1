using System.Text.Json;
using Gateway.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests.Abuse;

/// <summary>Kestrel's rejections follow the default profile of the config in force, whichever it is.</summary>
public sealed class RejectionProfileTests(ITestOutputHelper output)
{
    [Fact]
    public async Task DefaultProfileProblemDetails_HeadersTooLarge_AnswersProblem400()
    {
        var config = TestConfigs.Standard.Replace("\"Gateway\": {", "\"Gateway\": { \"DefaultProfile\": \"ProblemDetails\",", StringComparison.Ordinal)
            .Replace("{\n  \"Gateway\"", "{\n  \"Kestrel\": { \"Limits\": { \"MaxRequestHeadersTotalSize\": 1024 } },\n  \"Gateway\"", StringComparison.Ordinal);
        await using var upstream = await FakeLegacyUpstream.StartAsync(_ => { });
        await using var gateway = await GatewayHost.StartAsync(config, upstream.Address, output);

        var exchange = await RawConnection.ExchangeAsync(gateway.Address, $"GET /api/x HTTP/1.1\r\nHost: a\r\nX-Big: {new string('b', 2000)}\r\n\r\n");

        Assert.Equal(400, exchange.Status);
        Assert.StartsWith("application/problem+json", exchange.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Equal("close", exchange.Header("Connection"));
        Assert.Equal("no-store", exchange.Header("Cache-Control"));
        var json = JsonDocument.Parse(exchange.Body).RootElement;
        Assert.Equal(400, json.GetProperty("status").GetInt32());
        Assert.Equal("The request headers are too large.", json.GetProperty("detail").GetString());
        Assert.Equal(exchange.Header("X-Correlation-Id"), json.GetProperty("correlationId").GetString());
        Assert.False(json.TryGetProperty("instance", out _));
        Assert.Empty(upstream.Requests);
    }

    [Fact]
    public async Task HeadRequest_Rejected_GetsTheHeadWithoutABody()
    {
        await using var upstream = await FakeLegacyUpstream.StartAsync(_ => { });
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        var exchange = await RawConnection.ExchangeAsync(gateway.Address, "HEAD /api/x HTTP/1.1\r\nHost: a\r\nX-A : b\r\n\r\n");

        Assert.Equal(400, exchange.Status);
        Assert.True(exchange.Closed);
        Assert.Equal("", exchange.Body);
        Assert.NotNull(exchange.Header("X-Correlation-Id"));
        Assert.Empty(upstream.Requests);
    }
}
