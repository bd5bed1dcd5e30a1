using System.Diagnostics;
using System.Globalization;
using Gateway;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

// Overhead of the gateway's rate limiter: the same route with no limiter, an in-memory policy and a Redis policy.
// Limits are set so high that nothing is refused: every request pays for one decision and nothing else changes.
// Usage: dotnet run -c Release -- [redis host:port] [requests per round] [concurrency] [rounds]
var redis = args.Length > 0 && args[0] != "-" ? args[0] : null;
var requests = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000;
var concurrency = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 16;
var rounds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 3;

await using var upstream = await StartUpstreamAsync();
var scenarios = new List<(string Name, string Policy)>
{
    ("none", ""),
    ("memory", """, "RateLimiterPolicy": "bench" """),
};
if (redis is not null)
{
    scenarios.Add(("redis", """, "RateLimiterPolicy": "bench-redis" """));
}

var directory = Directory.CreateTempSubdirectory("ratelimit-bench-").FullName;
var results = new Dictionary<string, List<Result>>();
foreach (var (name, _) in scenarios)
{
    results[name] = [];
}

// Rounds interleave the scenarios so that noise from other processes on the machine hits all of them alike.
for (var round = 0; round < rounds; round++)
{
    foreach (var (name, policy) in scenarios)
    {
        var config = Path.Combine(directory, $"{name}.json");
        await File.WriteAllTextAsync(config, Config(upstream.Address, redis, policy));
        var (app, problems) = await GatewayApp.CreateAsync(["--config", config, "--urls", "http://127.0.0.1:0"]);
        if (app is null)
        {
            throw new InvalidOperationException(string.Join("; ", problems));
        }

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = new Uri(address) };
        await RunAsync(client, Math.Min(2_000, requests), concurrency); // warm-up: JIT, connections, Redis script cache
        var result = await RunAsync(client, requests, concurrency);
        results[name].Add(result);
        Console.Error.WriteLine($"round {round + 1} {name,-7} {result.Throughput,9:0} req/s  p50 {result.P50,6:0.000} ms  p99 {result.P99,6:0.000} ms  refused {result.Refused}");
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

Directory.Delete(directory, recursive: true);
var baseline = Median(results["none"], r => r.Throughput);
Console.WriteLine($"{requests} requests per round, {concurrency} concurrent, median of {rounds} rounds, {Environment.ProcessorCount} cores");
Console.WriteLine();
Console.WriteLine("| limiter | req/s | vs none | p50 ms | p99 ms |");
Console.WriteLine("|---|---:|---:|---:|---:|");
foreach (var (name, list) in results)
{
    var throughput = Median(list, r => r.Throughput);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {throughput:0} | {throughput / baseline:0.00} | {Median(list, r => r.P50):0.000} | {Median(list, r => r.P99):0.000} |"));
}

static double Median(List<Result> list, Func<Result, double> value) => list.Select(value).Order().ElementAt(list.Count / 2);

static async Task<Result> RunAsync(HttpClient client, int count, int concurrency)
{
    var latencies = new double[count];
    var next = -1;
    var refused = 0;
    var watch = Stopwatch.StartNew();
    var workers = Enumerable.Range(0, concurrency).Select(async _ =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < count)
        {
            var start = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync("/api/ping");
            await response.Content.ReadAsByteArrayAsync();
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if ((int)response.StatusCode != 200)
            {
                Interlocked.Increment(ref refused);
            }
        }
    });
    await Task.WhenAll(workers);
    var elapsed = watch.Elapsed.TotalSeconds;
    Array.Sort(latencies);
    return new Result(count / elapsed, latencies[count / 2], latencies[(int)(count * 0.99)], refused);
}

static string Config(string upstream, string? redis, string policy) => $$"""
{
  "Serilog": { "MinimumLevel": { "Default": "Warning", "Override": { "Microsoft.Hosting.Lifetime": "Warning" } } },
  "Gateway": {
    "RateLimiting": {
      {{(redis is null ? "" : $"\"Redis\": {{ \"Configuration\": \"{redis}\" }},")}}
      "Policies": {
        "bench": { "Kind": "TokenBucket", "TokenLimit": 1000000000, "TokensPerPeriod": 1000000000, "ReplenishmentPeriod": "00:00:01" }
        {{(redis is null ? "" : ", \"bench-redis\": { \"Kind\": \"TokenBucket\", \"TokenLimit\": 1000000000, \"TokensPerPeriod\": 1000000000, \"ReplenishmentPeriod\": \"00:00:01\", \"Store\": \"Redis\" }")}}
      }
    }
  },
  "ReverseProxy": {
    "Routes": { "api": { "ClusterId": "up", "Match": { "Path": "/api/{**rest}" } {{policy}} } },
    "Clusters": { "up": { "Destinations": { "d1": { "Address": "{{upstream}}" } } } }
  }
}
""";

static async Task<Upstream> StartUpstreamAsync()
{
    var builder = WebApplication.CreateSlimBuilder();
    builder.Logging.ClearProviders();
    builder.WebHost.UseUrls("http://127.0.0.1:0");
    var app = builder.Build();
    app.MapGet("/api/ping", () => "pong");
    await app.StartAsync();
    return new Upstream(app, app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
}

internal sealed record Result(double Throughput, double P50, double P99, int Refused);

internal sealed record Upstream(WebApplication App, string Address) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => App.DisposeAsync();
}
