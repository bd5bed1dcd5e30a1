using System.Text.Json;
using Gateway.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Gateway.IntegrationTests;

/// <summary>
/// The completion line as an operator's log shipper reads it from stdout: every field, the request properties other
/// lines of the same request carry, the caller's trace, and nothing from the query string.
/// </summary>
public sealed class CompletionLineProcessTests : IDisposable
{
    private const string Config = """
    {
      "ReverseProxy": {
        "Routes": { "api": { "ClusterId": "legacy", "Match": { "Path": "/api/{**rest}" } } },
        "Clusters": { "legacy": { "Destinations": { "d1": { "Address": "{UPSTREAM}" } } } }
      }
    }
    """;

    private const string TraceId = "4bf92f3577b34da6a3ce929d0e0e4736";

    private readonly ScratchDirectory _scratch = new("gateway-process-");

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task CompletionLine_CarriesEveryField_AndTheRequestPropertiesOfItsOtherLines()
    {
        await using var upstream = await FakeLegacyUpstream.StartAsync(app =>
            app.MapGet("/api/students/{id}", () => Results.Text("<html><title>Oops</title> at Sis.Repo.Find() in C:\\src\\Repo.cs:line 9</html>", "text/html", statusCode: 500)));
        var path = Path.Combine(_scratch.Path, "gateway.json");
        await File.WriteAllTextAsync(path, Config.Replace("{UPSTREAM}", upstream.Address, StringComparison.Ordinal));
        var port = GatewayProcess.FreePort();
        using var process = GatewayProcess.Start(["--config", path, "--urls", $"http://127.0.0.1:{port}"]);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        await process.WaitUntilReadyAsync(client);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/students/12?token=secret-in-query");
        request.Headers.Add("X-Correlation-Id", "corr-12345");
        request.Headers.Add("traceparent", $"00-{TraceId}-00f067aa0ba902b7-01");
        using var response = await client.SendAsync(request);
        Assert.Equal(500, (int)response.StatusCode);

        var completion = await LineAsync(process, "Gateway.Middleware.RequestLogMiddleware");
        var rewrite = await LineAsync(process, "Gateway.Proxy.ErrorNormalizationStep");

        Assert.Matches(
            """^"GET" "/api/students/12" route="api" cluster="legacy" upstream=500 status=500 changes=[A-Za-z, ]+ leaks=[A-Za-z, ]+ in \d+\.\d ms$""",
            completion.GetProperty("@m").GetString());
        // Log pipelines are often written against the order too.
        Assert.Equal(
            ["@t", "@m", "@i", "@tr", "@sp", "Method", "Path", "RouteId", "ClusterId", "UpstreamStatus", "StatusCode", "Changes", "Leaks",
             "ElapsedMs", "EventId", "SourceContext", "RequestId", "RequestPath", "ConnectionId", "CorrelationId"],
            completion.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["@t", "@m", "@i", "@tr", "@sp", "UpstreamStatus", "StatusCode", "ContentType", "Leaks", "Truncated",
             "EventId", "SourceContext", "RequestId", "RequestPath", "ConnectionId", "CorrelationId"],
            rewrite.EnumerateObject().Select(p => p.Name));
        Assert.Matches("""^Upstream error 500 \("text/html"\) replaced by 500; leaks: [A-Za-z, ]+; truncated: False$""", rewrite.GetProperty("@m").GetString());
        Assert.Equal(TraceId, completion.GetProperty("@tr").GetString());
        // The upstream's request joins the trace the gateway's lines name.
        Assert.Equal(TraceId, Assert.Single(upstream.Requests).Headers["traceparent"].Split('-')[1]);
        Assert.Equal("GET", completion.GetProperty("Method").GetString());
        Assert.Equal("/api/students/12", completion.GetProperty("Path").GetString());
        Assert.Equal("api", completion.GetProperty("RouteId").GetString());
        Assert.Equal("legacy", completion.GetProperty("ClusterId").GetString());
        Assert.Equal(500, completion.GetProperty("UpstreamStatus").GetInt32());
        Assert.Equal(500, completion.GetProperty("StatusCode").GetInt32());
        Assert.Contains("ErrorNormalized", completion.GetProperty("Changes").GetString(), StringComparison.Ordinal);
        Assert.Contains("StackTrace", completion.GetProperty("Leaks").GetString(), StringComparison.Ordinal);
        Assert.True(completion.GetProperty("ElapsedMs").GetDouble() > 0);
        Assert.Equal(1, completion.GetProperty("EventId").GetProperty("Id").GetInt32());
        Assert.Equal("RequestCompleted", completion.GetProperty("EventId").GetProperty("Name").GetString());
        Assert.Equal("corr-12345", completion.GetProperty("CorrelationId").GetString());
        foreach (var name in new[] { "RequestId", "RequestPath", "ConnectionId", "CorrelationId", "@tr", "@sp" })
        {
            Assert.Equal(rewrite.GetProperty(name).GetString(), completion.GetProperty(name).GetString());
        }

        Assert.DoesNotContain("secret-in-query", process.AllOutput, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> LineAsync(GatewayProcess process, string category)
    {
        JsonElement found = default;
        await GatewayHost.EventuallyAsync(() =>
        {
            foreach (var line in process.Output)
            {
                if (line.StartsWith('{') && line.Contains(category, StringComparison.Ordinal) && line.Contains("/api/students/12", StringComparison.Ordinal))
                {
                    using var document = JsonDocument.Parse(line);
                    if (document.RootElement.TryGetProperty("SourceContext", out var source) && source.GetString() == category)
                    {
                        found = document.RootElement.Clone();
                        return true;
                    }
                }
            }

            return false;
        }, $"a {category} line on stdout");
        return found;
    }
}
