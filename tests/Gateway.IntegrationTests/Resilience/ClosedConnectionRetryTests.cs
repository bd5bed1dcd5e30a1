using System.Net;
using Gateway.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests.Resilience;

/// <summary>
/// A backend that closes a keep-alive connection as the gateway reuses it (it answered without
/// <c>Connection: close</c>, then closed): idempotent bodiless requests are sent again at once, as NGINX does, with
/// no retry policy configured; other requests get the profile's 5xx; a cluster can turn it off.
/// </summary>
public sealed class ClosedConnectionRetryTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ReusedConnectionResetBeforeTheAnswer_GetIsSentAgain_ClientSeesOnly200s()
    {
        using var upstream = RawTcpUpstream.AnswersOnceThenCloses(reset: true);
        await using var gateway = await GatewayHost.StartAsync(ResilienceConfigs.OneDestination("{UPSTREAM}"), upstream.Address, output);

        await GetsAnsweredAsync(gateway, 5);

        // Every GET after the first found its pooled connection resetting: one retry each, on a new connection.
        Assert.Equal(4, gateway.Logs.Lines.Count(l => l.EventName == "Retrying" && l.Message.Contains("ClosedConnection", StringComparison.Ordinal)));
        Assert.Equal(5, upstream.Connections);
        Assert.Equal(9, upstream.Requests);
        await GatewayHost.EventuallyAsync(() => gateway.Logs.Lines.Count(l => l.EventName == "RequestCompleted") == 5, "five completion lines");
        Assert.Equal(4, gateway.Logs.Lines.Count(l => l.EventName == "RequestCompleted" && l.Message.Contains("Retried", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ReusedConnectionClosedCleanly_HttpClientItselfSendsAgain()
    {
        // A FIN (end of stream) on a reused connection before any response byte: SocketsHttpHandler retries on a new
        // connection by itself; the gateway's retry is not needed and does not run.
        using var upstream = RawTcpUpstream.AnswersOnceThenCloses(reset: false);
        await using var gateway = await GatewayHost.StartAsync(ResilienceConfigs.OneDestination("{UPSTREAM}"), upstream.Address, output);

        await GetsAnsweredAsync(gateway, 3);

        Assert.Equal(5, upstream.Requests);
        Assert.DoesNotContain(gateway.Logs.Lines, l => l.EventName == "Retrying");
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PATCH")]
    public async Task NonIdempotentRequest_OnAResettingConnection_IsNotSentAgain(string method)
    {
        using var upstream = RawTcpUpstream.AnswersOnceThenCloses(reset: true);
        await using var gateway = await GatewayHost.StartAsync(ResilienceConfigs.OneDestination("{UPSTREAM}"), upstream.Address, output);

        await GetsAnsweredAsync(gateway, 1);

        using var response = await gateway.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/ping"));

        await Payload.ReadEdFiAsync(response, 500);
        Assert.Equal(2, upstream.Requests);
        Assert.DoesNotContain(gateway.Logs.Lines, l => l.EventName == "Retrying");
    }

    [Fact]
    public async Task ClusterTurnsItOff_TheFailedGetIsAnswered_NotRetried()
    {
        using var upstream = RawTcpUpstream.AnswersOnceThenCloses(reset: true);
        await using var gateway = await GatewayHost.StartAsync(
            ResilienceConfigs.OneDestination("{UPSTREAM}", """{ "legacy": { "RetryClosedConnections": false } }"""), upstream.Address, output);

        await GetsAnsweredAsync(gateway, 1);

        using var response = await gateway.Client.GetAsync("/v2/api/ping");

        await Payload.ReadProblemAsync(response, 502);
        Assert.Equal(2, upstream.Requests);
        Assert.DoesNotContain(gateway.Logs.Lines, l => l.EventName == "Retrying");
    }

    [Theory]
    [InlineData(true, 3)]
    [InlineData(false, 2)]
    public async Task ConfiguredPolicyWithoutReset_StillRetriesClosedConnections_UnlessTurnedOff(bool retryClosed, int expectedRequests)
    {
        using var upstream = RawTcpUpstream.AnswersOnceThenCloses(reset: true);
        var clusters = $$"""
            { "legacy": { "RetryClosedConnections": {{(retryClosed ? "true" : "false")}},
                          "Retries": { "MaxRetries": 1, "BackoffMilliseconds": 0, "On": [ "Status503" ] } } }
            """;
        await using var gateway = await GatewayHost.StartAsync(ResilienceConfigs.OneDestination("{UPSTREAM}", clusters), upstream.Address, output);

        await GetsAnsweredAsync(gateway, 1);

        using var second = await gateway.Client.GetAsync("/api/ping");

        Assert.Equal(retryClosed ? HttpStatusCode.OK : HttpStatusCode.InternalServerError, second.StatusCode);
        Assert.Equal(expectedRequests, upstream.Requests);
    }

    [Fact]
    public async Task NewConnectionClosedWithoutAnAnswer_IsTheBackendFailing_NotRetried()
    {
        // Every connection is closed cleanly as soon as the request arrives: nothing stale about it.
        using var upstream = RawTcpUpstream.Answer(string.Empty);
        await using var gateway = await GatewayHost.StartAsync(ResilienceConfigs.OneDestination("{UPSTREAM}"), upstream.Address, output);

        using var response = await gateway.Client.GetAsync("/api/ping");

        await Payload.ReadEdFiAsync(response, 500);
        // SocketsHttpHandler itself sends a request again after a clean close, up to 3 times; the gateway adds none.
        Assert.InRange(upstream.Requests, 1, 4);
        Assert.DoesNotContain(gateway.Logs.Lines, l => l.EventName == "Retrying");
    }

    [Theory]
    [InlineData("garbage\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nX-Big: {0}\r\nContent-Length: 0\r\n\r\n")]
    public async Task MalformedAnswer_IsNotAClosedConnection_NotRetried(string raw)
    {
        using var upstream = RawTcpUpstream.Answer(string.Format(System.Globalization.CultureInfo.InvariantCulture, raw, new string('a', 70_000)));
        await using var gateway = await GatewayHost.StartAsync(ResilienceConfigs.OneDestination("{UPSTREAM}"), upstream.Address, output);

        using var response = await gateway.Client.GetAsync("/api/ping");

        await Payload.ReadEdFiAsync(response, 500);
        Assert.Equal(1, upstream.Requests);
        Assert.DoesNotContain(gateway.Logs.Lines, l => l.EventName == "Retrying");
    }

    // GETs in a row, each answered 200 "pong" (the upstream's one answer per connection).
    private static async Task GetsAnsweredAsync(GatewayHost gateway, int count)
    {
        for (var i = 0; i < count; i++)
        {
            using var response = await gateway.Client.GetAsync("/api/ping");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("pong", await response.Content.ReadAsStringAsync());
        }
    }
}
