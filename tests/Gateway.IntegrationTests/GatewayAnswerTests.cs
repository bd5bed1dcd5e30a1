using System.Net;
using Gateway.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests;

/// <summary>The gateway's own answers: no route, and exceptions thrown inside the gateway.</summary>
public sealed class GatewayAnswerTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("/nothing/here")]
    [InlineData("/wp-login.php")]
    [InlineData("/")]
    public async Task NoMatchingRoute_Answers404WithoutBody_EdFi(string path)
    {
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, "http://127.0.0.1:1", output);

        using var response = await gateway.Client.GetAsync(path);

        // Ed-Fi Table 6: a 404 carries no body.
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Matches("^[0-9a-f]{32}$", response.Headers.GetValues("X-Correlation-Id").Single());
    }

    [Fact]
    public async Task NoMatchingRoute_ProblemDetailsDefault_Answers404WithPayload()
    {
        var config = TestConfigs.Standard.Replace("\"Gateway\": {", "\"Gateway\": { \"DefaultProfile\": \"ProblemDetails\",", StringComparison.Ordinal);
        await using var gateway = await GatewayHost.StartAsync(config, "http://127.0.0.1:1", output);

        using var response = await gateway.Client.GetAsync("/nothing/here");

        var json = await Payload.ReadProblemAsync(response, 404);
        Assert.Equal("/nothing/here", json.GetProperty("instance").GetString());
    }

    [Theory]
    [InlineData("TRACE", "/api/students", false)]
    [InlineData("trace", "/api/students", false)]
    [InlineData("TRACK", "/api/students", false)]
    [InlineData("TRACE", "/v2/api/students", true)]
    public async Task Trace_AnsweredByTheGateway_NeverEchoedByTheBackend(string method, string path, bool problemDetails)
    {
        // An old Apache (TraceEnable on) echoes the request with the headers the gateway adds upstream.
        await using var upstream = await FakeLegacyUpstream.StartAsync(app => app.MapMethods("/api/students", ["TRACE", "TRACK"],
            (HttpRequest request) => Results.Text($"TRACE {request.Path}\nX-Forwarded-For: {request.Headers["X-Forwarded-For"]}", "message/http")));
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add("Cookie", "session=secret-session");
        using var response = await gateway.Client.SendAsync(request);

        // 405 is in neither profile's list: the nearest is 400.
        var json = problemDetails ? await Payload.ReadProblemAsync(response, 400) : await Payload.ReadEdFiAsync(response, 400);
        Assert.Equal("The TRACE method is not allowed.", json.GetProperty(problemDetails ? "detail" : "message").GetString());
        Assert.DoesNotContain("secret-session", json.ToString(), StringComparison.Ordinal);
        Assert.Empty(upstream.Requests);
    }

    // YARP cannot forward CONNECT: it was answered as an upstream failure (500 / 502) that never happened.
    [Theory]
    [InlineData("CONNECT /api/students HTTP/1.1", false)]
    [InlineData("CONNECT /v2/api/students HTTP/1.1", true)]
    [InlineData("CONNECT 127.0.0.1:443 HTTP/1.1", false)]
    public async Task Connect_RefusedByTheGateway_NotAnUpstreamFailure(string requestLine, bool problemDetails)
    {
        await using var upstream = await FakeLegacyUpstream.StartAsync(app => app.MapGet("/api/students", () => "[]"));
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        var exchange = await RawConnection.ExchangeAsync(gateway.Address, requestLine + "\r\nHost: 127.0.0.1:443\r\nConnection: close\r\n\r\n");

        // 405 is in neither profile's list: the nearest is 400.
        Assert.Equal(400, exchange.Status);
        Assert.Equal(problemDetails ? "application/problem+json" : "application/json", exchange.Header("Content-Type"));
        using var json = System.Text.Json.JsonDocument.Parse(exchange.Body);
        Assert.Equal("The CONNECT method is not allowed.", json.RootElement.GetProperty(problemDetails ? "detail" : "message").GetString());
        Assert.Equal(exchange.Header("X-Correlation-Id"), json.RootElement.GetProperty("correlationId").GetString());
        Assert.Empty(upstream.Requests);
        Assert.DoesNotContain(gateway.Logs.Lines, l => l.EventName == "ForwardFailed");
    }

    // Kestrel serves "head" as an unknown method while YARP sent HEAD upstream: the answer lacked its announced body and
    // the client got a bare 500 with no payload. Methods are case-sensitive (RFC 9110 §9.1); NGINX answers these 400.
    [Theory]
    [InlineData("head /api/students HTTP/1.1", false)]
    [InlineData("Post /api/students HTTP/1.1", false)]
    [InlineData("get /v2/api/students HTTP/1.1", true)]
    public async Task StandardMethodInOtherCase_400Payload_NotForwarded(string requestLine, bool problemDetails)
    {
        await using var upstream = await FakeLegacyUpstream.StartAsync(app => app.MapMethods("/api/students", ["GET", "HEAD", "POST"], () => "[]"));
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, upstream.Address, output);

        var exchange = await RawConnection.ExchangeAsync(gateway.Address, requestLine + "\r\nHost: a\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

        Assert.Equal(400, exchange.Status);
        Assert.Equal(problemDetails ? "application/problem+json" : "application/json", exchange.Header("Content-Type"));
        using var json = System.Text.Json.JsonDocument.Parse(exchange.Body);
        Assert.Equal(exchange.Header("X-Correlation-Id"), json.RootElement.GetProperty("correlationId").GetString());
        Assert.Empty(upstream.Requests);
    }

    [Fact]
    public async Task ExceptionInsideGateway_Answers500WithGenericPayload_ExceptionOnlyInLog()
    {
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, "http://127.0.0.1:1", output,
            app => app.MapGet("/test/throw", string () =>
                throw new InvalidOperationException("Server=db01.corp;Password=hunter2 at Gateway.Secret.Method()")));

        using var response = await gateway.Client.GetAsync("/test/throw");

        var json = await Payload.ReadEdFiAsync(response, 500);
        var body = json.ToString();
        Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
        Assert.Equal("An unexpected error occurred.", json.GetProperty("message").GetString());
        Assert.Contains(gateway.Logs.Lines, l => l.Exception is InvalidOperationException && l.Level == Microsoft.Extensions.Logging.LogLevel.Error);
    }

    [Fact]
    public async Task BadRequestThrownByServer_AnswersNearestProfileStatus()
    {
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.Standard, "http://127.0.0.1:1", output,
            app => app.MapPost("/test/too-large", string () =>
                throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge)));

        using var response = await gateway.Client.PostAsync("/test/too-large", new StringContent("x"));

        // 413 is not in Ed-Fi's set; it maps to 400, and the message still says what was wrong.
        var json = await Payload.ReadEdFiAsync(response, 400);
        Assert.Equal("The request body is too large.", json.GetProperty("message").GetString());
    }
}
