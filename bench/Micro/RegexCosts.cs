using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Bench.Upstream;
using Gateway.Tests.Transforms.Corpus;
using Gateway.Transforms.Errors;
using Gateway.Transforms.Scrubbing;

namespace Bench.Micro;

/// <summary>
/// Per leak rule: what its regex costs to build, the managed memory it keeps after matching the whole leak corpus,
/// and the time to search the 2.5 KB yellow screen. Each regex is rebuilt from its pattern and options here, so every
/// row starts from nothing (the rule's own instance may already be warm).
/// </summary>
internal static class RegexCosts
{
    public static void Run(TimeSpan duration)
    {
        var corpus = UpstreamCorpus.All.Select(c => c.Body).Concat(LeakSamples.All.Select(s => s.Text)).ToArray();
        Console.WriteLine("| rule | built in ms | kept after build MiB | kept after corpus MiB | µs on the yellow screen | µs on the corpus | backtracking µs on the yellow screen | backtracking µs on the corpus |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        double totalMs = 0, totalMiB = 0;
        var rules = LeakRules.All.Select((rule, i) => ($"{i} {rule.Kind} {rule.MarkerList[0]}", rule.Pattern))
            .Append(("integrity", IntegrityViolationDetector.Pattern));
        foreach (var (name, pattern) in rules)
        {
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var watch = Stopwatch.StartNew();
            var regex = new Regex(pattern.ToString(), pattern.Options);
            _ = regex.IsMatch("x");
            watch.Stop();
            var built = (GC.GetTotalMemory(forceFullCollection: true) - before) / 1048576.0;
            _ = Count(regex, corpus);

            var kept = (GC.GetTotalMemory(forceFullCollection: true) - before) / 1048576.0;
            var onPage = Time(() => regex.Count(YellowScreen.Html), duration);
            var onCorpus = Time(() => Count(regex, corpus), duration);
            var backtracking = new Regex(pattern.ToString(), (pattern.Options & ~RegexOptions.NonBacktracking) | RegexOptions.Compiled);
            var backtrackingOnPage = Time(() => backtracking.Count(YellowScreen.Html), duration);
            var backtrackingOnCorpus = Time(() => Count(backtracking, corpus), duration);

            totalMs += watch.Elapsed.TotalMilliseconds;
            totalMiB += kept;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {watch.Elapsed.TotalMilliseconds:F1} | {built:F2} | {kept:F2} | {onPage:F1} | {onCorpus:F0} | {backtrackingOnPage:F1} | {backtrackingOnCorpus:F0} |"));
            GC.KeepAlive(regex);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| total | {totalMs:F0} | | {totalMiB:F1} | |"));
    }

    private static int Count(Regex regex, string[] texts)
    {
        var count = 0;
        foreach (var text in texts)
        {
            count += regex.Count(text);
        }

        return count;
    }

    // Microseconds per call, after a warm-up as long as the measurement.
    private static double Time(Func<int> call, TimeSpan duration)
    {
        var warmup = Stopwatch.StartNew();
        while (warmup.Elapsed < duration)
        {
            _ = call();
        }

        var calls = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < duration)
        {
            _ = call();
            calls++;
        }

        return watch.Elapsed.TotalMicroseconds / calls;
    }
}
