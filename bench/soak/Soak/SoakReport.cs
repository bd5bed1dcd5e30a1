using System.Globalization;
using System.Text;

namespace Bench.Soak;

/// <summary>The markdown report of one soak run and its verdict on the goals.</summary>
internal sealed class SoakReport(
    IReadOnlyList<CaseTally> tallies,
    IReadOnlyList<MemorySample> samples,
    MemorySample before,
    MemorySample end,
    MemorySample idle,
    double loadSeconds,
    int connections,
    string machine,
    string countersCsv)
{
    /// <summary>Above this RSS slope over the second half of the run (MiB per minute) memory counts as growing.</summary>
    public const double GrowthLimitMiBPerMinute = 1.0;

    private static readonly CultureInfo s_inv = CultureInfo.InvariantCulture;

    private long Sent => tallies.Sum(t => t.Sent);

    private long Answered => tallies.Sum(t => t.Answered);

    private long Failed => tallies.Sum(t => t.Failed);

    private long Gateway5xx => tallies.Sum(t => t.Gateway5xx);

    private long Leaks => tallies.Sum(t => t.Leaks);

    private long OffContract => tallies.Sum(t => t.Unexpected);

    private IReadOnlyList<(double X, double Y)> LastHalfRss =>
        samples.Where(s => s.Seconds >= loadSeconds / 2).Select(s => (s.Seconds / 60, s.RssMiB)).ToArray();

    private double RssSlope => Trend.Slope(LastHalfRss);

    public bool GoalsMet => Gateway5xx == 0 && Leaks == 0 && Failed == 0 && OffContract == 0 && RssSlope <= GrowthLimitMiBPerMinute;

    public string Summary() => string.Create(s_inv,
        $"[soak] sent {Sent}, answered {Answered}, not answered {Failed}, gateway 5xx {Gateway5xx}, leaks {Leaks}, off contract {OffContract}, " +
        $"RSS {before.RssMiB:F1} → {end.RssMiB:F1} MiB (idle {idle.RssMiB:F1}), last-half slope {RssSlope:F2} MiB/min: goals {(GoalsMet ? "met" : "NOT met")}");

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        void Line(FormattableString text) => md.AppendLine(text.ToString(s_inv));
        var cpu = end.CpuSeconds - before.CpuSeconds;
        var gc = GcHeap.Read(countersCsv);

        Line($"# Soak run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        md.AppendLine();
        Line($"Load {loadSeconds / 60:F1} min, {connections} connections (HTTP/1.1 keep-alive), the mix of `bench/soak/Soak/SoakMix.cs`, loopback only.");
        Line($"Machine: {machine}");
        md.AppendLine();
        md.AppendLine("## Goals");
        md.AppendLine();
        md.AppendLine("| goal | result | met |");
        md.AppendLine("|---|---|---|");
        Line($"| 5xx not caused by the upstream = 0 | {Gateway5xx} | {Mark(Gateway5xx == 0)} |");
        Line($"| leaks in any response (headers or body) = 0 | {Leaks} | {Mark(Leaks == 0)} |");
        Line($"| requests not answered = 0 | {Failed} | {Mark(Failed == 0)} |");
        Line($"| answers off contract (status, payload, WWW-Authenticate, Retry-After, correlation id) = 0 | {OffContract} | {Mark(OffContract == 0)} |");
        Line($"| no memory growth: RSS slope over the second half ≤ {GrowthLimitMiBPerMinute} MiB/min | {RssSlope:+0.00;-0.00} MiB/min | {Mark(RssSlope <= GrowthLimitMiBPerMinute)} |");
        md.AppendLine();
        md.AppendLine("## Totals");
        md.AppendLine();
        Line($"- sent {Sent:N0}, answered {Answered:N0} ({Answered / loadSeconds:F0}/s), not answered {Failed:N0}");
        Line($"- gateway CPU {cpu:F1} s, {cpu * 1e6 / Math.Max(Answered, 1):F0} µs per request (CPU shared with the upstream, the driver and other work)");
        Line($"- gateway RSS: before {before.RssMiB:F1} MiB, peak {samples.Max(s => s.RssMiB):F1} MiB, end of load {end.RssMiB:F1} MiB, after {idle.Seconds - end.Seconds:F0} s idle {idle.RssMiB:F1} MiB");
        if (gc.Count > 0)
        {
            var gcLastHalf = gc.Where(p => p.Seconds >= gc[^1].Seconds / 2).Select(p => (p.Seconds / 60, p.MiB)).ToArray();
            Line($"- gateway GC heap after the last collection (dotnet-counters): first {gc[0].MiB:F1} MiB, max {gc.Max(p => p.MiB):F1} MiB, last {gc[^1].MiB:F1} MiB, second-half slope {Trend.Slope(gcLastHalf):+0.00;-0.00} MiB/min ({gc.Count} readings)");
        }

        md.AppendLine();
        md.AppendLine("## Per case");
        md.AppendLine();
        md.AppendLine("| case | upstream does | expected | sent | answered | not answered | statuses | off contract | gateway 5xx | leaks |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var t in tallies)
        {
            var statuses = string.Join(" ", t.Statuses.OrderBy(p => p.Key).Select(p => string.Create(s_inv, $"{p.Key}×{p.Value}")));
            Line($"| {t.Case.Name} | {t.Case.What} | {string.Join("/", t.Case.Expected)} | {t.Sent} | {t.Answered} | {t.Failed} | {statuses} | {t.Unexpected} | {t.Gateway5xx} | {t.Leaks} |");
        }

        var problems = tallies.Where(t => !t.Samples.IsEmpty).ToArray();
        if (problems.Length > 0)
        {
            md.AppendLine();
            md.AppendLine("## First problems seen per case");
            md.AppendLine();
            foreach (var t in problems)
            {
                Line($"- {t.Case.Name}: {string.Join("; ", t.Samples)}");
            }
        }

        md.AppendLine();
        md.AppendLine("## Gateway samples");
        md.AppendLine();
        md.AppendLine("| t (s) | RSS (MiB) | CPU (s) | answered |");
        md.AppendLine("|---|---|---|---|");
        foreach (var s in samples.Append(idle))
        {
            Line($"| {s.Seconds:F0} | {s.RssMiB:F1} | {s.CpuSeconds:F1} | {s.Requests} |");
        }

        return md.ToString();
    }

    private static string Mark(bool met) => met ? "yes" : "**no**";
}
