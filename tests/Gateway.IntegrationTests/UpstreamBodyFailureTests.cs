using Gateway.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests;

/// <summary>
/// An upstream 200 whose body breaks, on routes whose own steps read the body (rules and debug fields, generated
/// ETags, SuccessConformance): broken before anything was sent, the client gets the profile's 5xx with payload;
/// broken after, an aborted response. Either way the gateway logs and counts an upstream failure.
/// </summary>
public sealed class UpstreamBodyFailureTests(ITestOutputHelper output)
{
    private const string Config = """
    {
      "Gateway": {
        "MaxErrorBodyBytes": 1024,
        "Routes": {
          "rules": { "StripDebugFields": true },
          "etag": { "ETags": { "Mode": "Generate", "MaxBodyBytes": 1024 } },
          "conformance": { "SuccessConformance": true }
        }
      },
      "ReverseProxy": {
        "Routes": {
          "rules": { "ClusterId": "legacy", "Match": { "Path": "/rules/{**rest}" } },
          "etag": { "ClusterId": "legacy", "Match": { "Path": "/etag/{**rest}" } },
          "conformance": { "ClusterId": "legacy", "Match": { "Path": "/conformance/{**rest}" } }
        },
        "Clusters": {
          "legacy": { "Destinations": { "d1": { "Address": "{UPSTREAM}" } } }
        }
      }
    }
    """;

    // The upstream announces a JSON 200, sends a part of it, then closes: a body the gateway holds, never complete.
    [Theory]
    [InlineData("/rules/students/1", "Content-Length: 40\r\n\r\n{\"id\":1,")]
    [InlineData("/rules/students/1", "Transfer-Encoding: chunked\r\n\r\n28\r\n{\"id\":1,")]
    [InlineData("/etag/students/1", "Content-Length: 40\r\n\r\n{\"id\":1,")]
    [InlineData("/conformance/students/1", "Transfer-Encoding: chunked\r\n\r\n")]
    public async Task BodyBrokenBeforeAnythingWasSent_Answers500WithPayload(string path, string rest)
    {
        using var upstream = RawTcpUpstream.Answer("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" + rest);
        await using var gateway = await GatewayHost.StartAsync(Config, upstream.Address, output);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        using var response = await gateway.Client.GetAsync(path, timeout.Token);

        var json = await Payload.ReadEdFiAsync(response, 500);
        Assert.DoesNotContain("\"id\"", json.ToString(), StringComparison.Ordinal);
        await AssertLoggedAsUpstreamFailureAsync(gateway, path);
    }

    // Past the bound the step streams what it read and copies the rest: the headers are out when the upstream resets.
    [Theory]
    [InlineData("/rules/items")]
    [InlineData("/etag/items")]
    [InlineData("/conformance/items")]
    public async Task BodyBrokenAfterTheHeadersWentOut_ClientSeesAbortedResponse_LoggedAsUpstreamFailure(string path)
    {
        var part = "[" + string.Join(",", Enumerable.Range(0, 2000).Select(i => $"{{\"id\":{i}}}"));
        using var upstream = RawTcpUpstream.Script(async socket =>
        {
            await RawTcpUpstream.SendAsync(socket, $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n{part.Length * 2:x}\r\n{part}");
            await Task.Delay(300);
            RawTcpUpstream.Reset(socket);
        });
        await using var gateway = await GatewayHost.StartAsync(Config, upstream.Address, output);

        var exchange = await RawConnection.ExchangeAsync(gateway.Address, $"GET {path} HTTP/1.1\r\nHost: a\r\n\r\n");

        Assert.Equal(200, exchange.Status);
        Assert.True(exchange.Closed, "the connection was left open after a cut body");
        Assert.DoesNotContain("\r\n0\r\n\r\n", exchange.Body, StringComparison.Ordinal);
        await AssertLoggedAsUpstreamFailureAsync(gateway, path);
    }

    private static async Task AssertLoggedAsUpstreamFailureAsync(GatewayHost gateway, string path)
    {
        var quoted = "\"" + path + "\"";
        await GatewayHost.EventuallyAsync(
            () => gateway.Logs.Lines.Any(l => l.EventName == "RequestCompleted" && l.Message.Contains(quoted, StringComparison.Ordinal)), "completion line");
        var completion = gateway.Logs.Lines.Single(l => l.EventName == "RequestCompleted" && l.Message.Contains(quoted, StringComparison.Ordinal));
        Assert.Contains("UpstreamFailed", completion.Message, StringComparison.Ordinal);
        Assert.Contains(gateway.Logs.Lines, l => l.EventName == "ForwardFailed");
        Assert.DoesNotContain(gateway.Logs.Lines, l => l.Level >= LogLevel.Error);
    }
}
