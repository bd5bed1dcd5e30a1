using System.Net;
using Gateway.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests;

/// <summary>
/// A server-sent event stream never ends: on routes whose steps read success bodies (a derived ETag, RejectDebugOutput)
/// its events must still reach the client as they come, not once the stream (never) ends or fills a bound.
/// </summary>
public sealed class EventStreamTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Config = """
    {
      "Gateway": {
        "Routes": {
          "gen": { "ETags": { "Mode": "Generate" } },
          "debug": { "RejectDebugOutput": true, "StripDebugFields": true }
        }
      },
      "ReverseProxy": {
        "Routes": {
          "gen": { "ClusterId": "legacy", "Match": { "Path": "/gen/{**rest}" }, "Transforms": [ { "PathRemovePrefix": "/gen" } ] },
          "debug": { "ClusterId": "legacy", "Match": { "Path": "/debug/{**rest}" }, "Transforms": [ { "PathRemovePrefix": "/debug" } ] }
        },
        "Clusters": { "legacy": { "Destinations": { "d1": { "Address": "{UPSTREAM}" } } } }
      }
    }
    """;

    private readonly TaskCompletionSource _end = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private FakeLegacyUpstream _upstream = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        _upstream = await FakeLegacyUpstream.StartAsync(app => app.MapGet("/events", async (HttpContext c) =>
        {
            c.Response.ContentType = "text/event-stream";
            await c.Response.WriteAsync("data: first\n\n");
            await c.Response.Body.FlushAsync();
            await _end.Task.WaitAsync(c.RequestAborted); // the stream stays open, as event streams do
        }));
        _gateway = await GatewayHost.StartAsync(Config, _upstream.Address, output);
    }

    public async Task DisposeAsync()
    {
        _end.TrySetResult();
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Theory]
    [InlineData("/gen/events")]
    [InlineData("/debug/events")]
    public async Task OpenEventStream_FirstEventReachesTheClient_WhileTheStreamStaysOpen(string path)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        using var response = await _gateway.Client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
        var buffer = new byte[64];
        var read = 0;
        while (read < "data: first\n\n".Length)
        {
            var n = await body.ReadAsync(buffer.AsMemory(read), timeout.Token);
            Assert.NotEqual(0, n);
            read += n;
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Headers.ETag);
        Assert.Equal("data: first\n\n", System.Text.Encoding.UTF8.GetString(buffer, 0, read));
    }
}
