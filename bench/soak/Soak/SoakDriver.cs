using System.Diagnostics;
using System.Security.Cryptography;

namespace Bench.Soak;

/// <summary>
/// Drives the mix at the gateway from many connections for a fixed time, checks every answer (status, leaks in
/// headers and body) and samples the gateway's memory, then writes the markdown report.
/// </summary>
internal static class SoakDriver
{
    private const int SampleSeconds = 5;
    private const int IdleSecondsAfter = 15;

    public static async Task<int> RunAsync(SoakArgs args)
    {
        var gateway = new Uri(args.Text("gateway"));
        var pid = args.Number("gateway-pid");
        var apiKey = args.Text("api-key");
        var seconds = args.Number("seconds");
        var connections = args.Number("connections");
        var tallies = SoakMix.Cases.Select(c => new CaseTally(c)).ToArray();
        var picker = new CasePicker(tallies);

        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            UseCookies = false,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(10),
        };
        using var client = new HttpClient(handler) { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };

        var samples = new List<MemorySample>();
        var clock = Stopwatch.StartNew();
        long Answered() => tallies.Sum(t => t.Answered + t.Failed);
        MemorySample Sample(double at) => new(at, ProcStats.RssMiB(pid), ProcStats.CpuSeconds(pid), Answered());

        Console.Error.WriteLine($"[soak] {connections} connections for {seconds} s against {gateway}");
        var before = Sample(0);
        samples.Add(before);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var sampler = SampleUntilAsync(samples, () => Sample(clock.Elapsed.TotalSeconds), stop.Token);
        var workers = Enumerable.Range(0, connections).Select(_ => WorkAsync(client, picker, apiKey, stop.Token)).ToArray();
        await Task.WhenAll(workers);
        await sampler;
        var loadSeconds = clock.Elapsed.TotalSeconds;
        var end = Sample(loadSeconds);
        samples.Add(end);

        // Idle, then one more reading: what the gateway gives back once the load is gone.
        await Task.Delay(TimeSpan.FromSeconds(IdleSecondsAfter));
        var idle = Sample(clock.Elapsed.TotalSeconds);

        var report = new SoakReport(tallies, samples, before, end, idle, loadSeconds, connections, args.Text("machine", "not given"), args.Text("counters-csv", ""));
        await File.WriteAllTextAsync(args.Text("report"), report.ToMarkdown());
        Console.Error.WriteLine(report.Summary());
        return report.GoalsMet ? 0 : 1;
    }

    private static async Task SampleUntilAsync(List<MemorySample> samples, Func<MemorySample> sample, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(SampleSeconds), stop);
                var reading = sample();
                lock (samples)
                {
                    samples.Add(reading);
                }

                Console.Error.WriteLine($"[soak] t={reading.Seconds,5:F0}s rss={reading.RssMiB,6:F1} MiB cpu={reading.CpuSeconds,6:F1}s answered={reading.Requests}");
            }
        }
        catch (OperationCanceledException)
        {
            // The load is over.
        }
    }

    private static async Task WorkAsync(HttpClient client, CasePicker picker, string apiKey, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var tally = picker.Next();
            using var request = new HttpRequestMessage(HttpMethod.Get, tally.Case.Path);
            if (tally.Case.Credential != Credential.Missing)
            {
                request.Headers.Add("X-API-Key", tally.Case.Credential == Credential.Valid ? apiKey : Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)));
            }

            tally.CountSent();
            try
            {
                // Not cancelled by the stop token: a request that was sent is always awaited to its answer.
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, CancellationToken.None);
                var body = await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
                var status = (int)response.StatusCode;
                tally.CountAnswer(status, LeakCheck.Find(response, body));
                if (AnswerContract.Check(response, body) is { } problem)
                {
                    tally.CountProblem(problem);
                }
            }
#pragma warning disable CA1031 // Whatever a request throws is counted as "not answered"; the soak goes on.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                tally.CountFailure(ex);
            }
        }
    }
}
