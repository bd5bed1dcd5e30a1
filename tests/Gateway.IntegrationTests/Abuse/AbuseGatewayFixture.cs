using System.Collections.Concurrent;
using Gateway.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Gateway.IntegrationTests.Abuse;

/// <summary>
/// One gateway with small, known Kestrel limits and short client timeouts, in front of an upstream that records
/// every request it starts and every body it receives complete. Shared by the abuse tests of one class.
/// </summary>
public sealed class AbuseGatewayFixture : IAsyncLifetime
{
    public const int MaxRequestLineSize = 1024;
    public const int MaxRequestHeadersTotalSize = 2048;
    public const int MaxRequestHeaderCount = 30;
    public const int MaxRequestBodySize = 4096;

    /// <summary>Kestrel limits from the gateway's own config file, as an operator sets them.</summary>
    public static readonly string Config = $$"""
    {
      "Kestrel": {
        "Limits": {
          "MaxRequestLineSize": {{MaxRequestLineSize}},
          "MaxRequestHeadersTotalSize": {{MaxRequestHeadersTotalSize}},
          "MaxRequestHeaderCount": {{MaxRequestHeaderCount}},
          "MaxRequestBodySize": {{MaxRequestBodySize}},
          "RequestHeadersTimeout": "00:00:02",
          "MinRequestBodyDataRate": { "BytesPerSecond": 100, "GracePeriod": "00:00:02" }
        }
      },
      "Gateway": { "Routes": { "v2": { "Profile": "ProblemDetails" } } },
      "ReverseProxy": {
        "Routes": {
          "api": { "ClusterId": "legacy", "Match": { "Path": "/api/{**rest}" }, "Timeout": "00:00:10" },
          "v2": { "ClusterId": "legacy", "Match": { "Path": "/v2/api/{**rest}" }, "Timeout": "00:00:10",
                  "Transforms": [ { "PathRemovePrefix": "/v2" } ] }
        },
        "Clusters": { "legacy": { "Destinations": { "d1": { "Address": "{UPSTREAM}" } } } }
      }
    }
    """;

    private FakeLegacyUpstream? _upstream;
    private GatewayHost? _gateway;

    public FakeLegacyUpstream Upstream => _upstream!;

    public GatewayHost Gateway => _gateway!;

    /// <summary>"path bodyLength" for each request whose body the upstream read to its end.</summary>
    public ConcurrentQueue<string> CompleteBodies { get; } = new();

    /// <summary>Bytes the upstream managed to write of <c>/api/big</c> (a client that never reads holds it back).</summary>
    public long BigBytesWritten => Interlocked.Read(ref _bigBytesWritten);

    private long _bigBytesWritten;

    public async Task InitializeAsync()
    {
        _upstream = await FakeLegacyUpstream.StartAsync(app =>
        {
            app.MapGet("/api/big", async (HttpContext c) =>
            {
                c.Response.ContentType = "application/octet-stream";
                var chunk = new byte[64 * 1024];
                for (var i = 0; i < 1024 && !c.RequestAborted.IsCancellationRequested; i++)
                {
                    await c.Response.Body.WriteAsync(chunk, c.RequestAborted);
                    Interlocked.Add(ref _bigBytesWritten, chunk.Length);
                }
            });
            app.Map("/api/{**rest}", async (HttpContext c) =>
            {
                using var body = new MemoryStream();
                await c.Request.Body.CopyToAsync(body, c.RequestAborted);
                CompleteBodies.Enqueue($"{c.Request.Path} {body.Length}");
                return Results.Text("ok " + body.Length);
            });
        });
        _gateway = await GatewayHost.StartAsync(Config, _upstream.Address);
    }

    /// <summary>Whether the upstream saw any request (started or complete) whose path contains <paramref name="marker"/>.</summary>
    public bool UpstreamSaw(string marker) =>
        Upstream.Requests.Any(r => r.PathAndQuery.Contains(marker, StringComparison.OrdinalIgnoreCase))
        || CompleteBodies.Any(b => b.Contains(marker, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether the upstream read a complete body for a path containing <paramref name="marker"/>.</summary>
    public bool UpstreamCompleted(string marker) => CompleteBodies.Any(b => b.Contains(marker, StringComparison.OrdinalIgnoreCase));

    public async Task DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        if (_upstream is not null)
        {
            await _upstream.DisposeAsync();
        }
    }
}
