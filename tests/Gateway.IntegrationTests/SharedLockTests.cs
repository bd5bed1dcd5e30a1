using System.Diagnostics;
using System.Net.Sockets;
using Gateway.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests;

/// <summary>
/// Two gateway instances in front of one ETag-less upstream: the in-instance lock leaves a window across
/// replicas; the Redis lock closes it; without Redis the write is refused, never forwarded unserialized.
/// Needs <c>redis-server</c> on the PATH (.ci/run installs it).
/// </summary>
public sealed class SharedLockTests(ITestOutputHelper output)
{
    private const string Config = """
    {
      "Gateway": {
        "ETagLock": { "RedisConfiguration": "{REDIS}", "LeaseSeconds": 5 },
        "Routes": {
          "items": { "ETags": { "Mode": "Generate", "Lock": "{LOCK}" } },
          "v2": { "Profile": "ProblemDetails", "ETags": { "Mode": "Generate", "Lock": "{LOCK}" } }
        }
      },
      "ReverseProxy": {
        "Routes": {
          "items": { "ClusterId": "legacy", "Match": { "Path": "/api/{**rest}" }, "Timeout": "00:00:15" },
          "v2": { "ClusterId": "legacy", "Match": { "Path": "/v2/api/{**rest}" }, "Timeout": "00:00:15", "Transforms": [ { "PathRemovePrefix": "/v2" } ] }
        },
        "Clusters": { "legacy": { "Destinations": { "d1": { "Address": "{UPSTREAM}" } } } }
      }
    }
    """;

    [Fact]
    public async Task TwoInstances_RedisLock_ConcurrentPutsSameETag_OneWinsOne412()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var redis = await RedisProcess.StartAsync(timeout.Token);
        await using var upstream = await ItemsUpstream.StartAsync(etagAware: false);
        upstream.Seed("5", "original");
        upstream.WriteDelay = TimeSpan.FromMilliseconds(400);
        var config = Config.Replace("{REDIS}", redis.Configuration, StringComparison.Ordinal).Replace("{LOCK}", "Redis", StringComparison.Ordinal);
        await using var a = await GatewayHost.StartAsync(config, upstream.Address, output);
        await using var b = await GatewayHost.StartAsync(config, upstream.Address, output);
        var tag = await ConditionalWriteTests.GetETagAsync(a, "/api/items/5", timeout.Token);
        Assert.Equal(tag, await ConditionalWriteTests.GetETagAsync(b, "/api/items/5", timeout.Token));

        var first = PutAsync(a, "/api/items/5", "alice", tag, timeout.Token);
        var second = PutAsync(b, "/api/items/5", "bob", tag, timeout.Token);
        using var ra = await first;
        using var rb = await second;

        Assert.Equal([200, 412], new[] { (int)ra.StatusCode, (int)rb.StatusCode }.Order());
        Assert.Single(upstream.Fake.Requests, r => r.Method == "PUT");
        Assert.Equal(2, upstream.Find("5")?.Version);
    }

    [Fact]
    public async Task TwoInstances_LocalLock_WindowAcrossReplicas_BothWritesForwarded()
    {
        // The documented limit of "Local": each instance checks the same tag before either write lands.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var upstream = await ItemsUpstream.StartAsync(etagAware: false);
        upstream.Seed("6", "original");
        var arrived = 0;
        var both = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        upstream.BeforeWrite = async token =>
        {
            if (Interlocked.Increment(ref arrived) == 2)
            {
                both.TrySetResult();
            }

            await both.Task.WaitAsync(TimeSpan.FromSeconds(10), token);
        };
        var config = Config.Replace("{REDIS}", "", StringComparison.Ordinal).Replace("{LOCK}", "Local", StringComparison.Ordinal);
        await using var a = await GatewayHost.StartAsync(config, upstream.Address, output);
        await using var b = await GatewayHost.StartAsync(config, upstream.Address, output);
        var tag = await ConditionalWriteTests.GetETagAsync(a, "/api/items/6", timeout.Token);

        var first = PutAsync(a, "/api/items/6", "alice", tag, timeout.Token);
        var second = PutAsync(b, "/api/items/6", "bob", tag, timeout.Token);
        using var ra = await first;
        using var rb = await second;

        Assert.Equal([200, 200], new[] { (int)ra.StatusCode, (int)rb.StatusCode });
        Assert.Equal(2, upstream.Fake.Requests.Count(r => r.Method == "PUT"));
    }

    [Theory]
    [InlineData("/api/items/1", 500, false)]
    [InlineData("/v2/api/items/1", 503, true)]
    public async Task RedisUnreachable_WriteRefused_NotForwarded(string path, int expected, bool problemDetails)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var upstream = await ItemsUpstream.StartAsync(etagAware: false);
        upstream.Seed("1", "original");
        var closed = $"127.0.0.1:{GatewayProcess.FreePort()},connectTimeout=300";
        var config = Config.Replace("{REDIS}", closed, StringComparison.Ordinal).Replace("{LOCK}", "Redis", StringComparison.Ordinal);
        await using var gateway = await GatewayHost.StartAsync(config, upstream.Address, output);

        using var response = await PutAsync(gateway, path, "x", "*", timeout.Token);

        var json = problemDetails ? await Payload.ReadProblemAsync(response, expected) : await Payload.ReadEdFiAsync(response, expected);
        Assert.DoesNotContain("127.0.0.1", json.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(upstream.Fake.Requests, r => r.Method == "PUT");
        Assert.Contains(gateway.Logs.Lines, l => l.EventName == "SharedLockUnavailable");
    }

    private static Task<HttpResponseMessage> PutAsync(GatewayHost gateway, string path, string name, string ifMatch, CancellationToken token)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = new StringContent(name) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return gateway.Client.SendAsync(request, token);
    }

    /// <summary>A throwaway redis-server on a free loopback port, without persistence.</summary>
    private sealed class RedisProcess : IAsyncDisposable
    {
        private readonly Process _process;

        private RedisProcess(Process process, int port)
        {
            _process = process;
            Configuration = $"127.0.0.1:{port}";
        }

        public string Configuration { get; }

        public static async Task<RedisProcess> StartAsync(CancellationToken token)
        {
            var port = GatewayProcess.FreePort();
            var info = new ProcessStartInfo("redis-server") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
            {
                info.ArgumentList.Add(arg);
            }

            var process = Process.Start(info) ?? throw new InvalidOperationException("redis-server did not start");
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var redis = new RedisProcess(process, port);
            await GatewayHost.EventuallyAsync(() => CanConnect(port), "redis-server to listen", TimeSpan.FromSeconds(15));
            token.ThrowIfCancellationRequested();
            return redis;
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }

        private static bool CanConnect(int port)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect("127.0.0.1", port);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }
    }
}
