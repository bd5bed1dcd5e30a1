using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Bench.Upstream;
using Gateway.Tests.Transforms.Corpus;
using Gateway.Transforms.Errors;
using Gateway.Transforms.Scrubbing;

namespace Bench.Micro;

/// <summary>
/// Per leak rule, the engine it ships with against the non-backtracking engine: what each costs to build, the managed
/// memory it keeps after matching the whole leak corpus, and the time to search the 2.5 KB yellow screen and the
/// corpus. The shipped pattern is the rule's own (source-generated) instance; the non-backtracking one is built here
/// from the same text, so every row starts from nothing. Patterns with lookarounds have no non-backtracking form.
/// </summary>
internal static class RegexCosts
{
    public static void Run(TimeSpan duration)
    {
        var corpus = UpstreamCorpus.All.Select(c => c.Body).Concat(LeakSamples.All.Select(s => s.Text)).ToArray();
        Console.WriteLine("| rule | shipped engine | µs on the yellow screen | µs on the corpus | NonBacktracking: built in ms | kept after the corpus MiB | µs on the yellow screen | µs on the corpus |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        double totalMs = 0, totalMiB = 0;
        var rules = LeakRules.All.Select((rule, i) => ($"{i} {rule.Kind} {rule.MarkerList[0]}", rule.Pattern))
            .Append(("integrity", IntegrityViolationDetector.Pattern)).ToArray();

        // Generated code goes through tier 0 and instrumented code before it is fully optimized (dynamic PGO), which on
        // a busy core takes seconds: run every shipped pattern for a while first, or the first rows time slow code.
        var warmup = Stopwatch.StartNew();
        while (warmup.Elapsed < 20 * duration)
        {
            foreach (var (_, pattern) in rules)
            {
                _ = pattern.Count(YellowScreen.Html) + Count(pattern, corpus);
            }
        }

        foreach (var (name, pattern) in rules)
        {
            var engine = pattern.Options.HasFlag(RegexOptions.NonBacktracking) ? "NonBacktracking" : "backtracking, generated";
            var onPage = Time(() => pattern.Count(YellowScreen.Html), duration);
            var onCorpus = Time(() => Count(pattern, corpus), duration);
            var alternative = "lookarounds: none | | | ";
            if (TryNonBacktracking(pattern, corpus, out var built, out var kept, out var regex))
            {
                var alternativeOnPage = Time(() => regex.Count(YellowScreen.Html), duration);
                var alternativeOnCorpus = Time(() => Count(regex, corpus), duration);
                alternative = string.Create(CultureInfo.InvariantCulture, $"{built.TotalMilliseconds:F1} | {kept:F2} | {alternativeOnPage:F1} | {alternativeOnCorpus:F0}");
                totalMs += built.TotalMilliseconds;
                totalMiB += kept;
                GC.KeepAlive(regex);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {engine} | {onPage:F1} | {onCorpus:F0} | {alternative} |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| total of the non-backtracking column | | | | {totalMs:F0} | {totalMiB:F1} | | |"));
    }

    private static bool TryNonBacktracking(Regex pattern, string[] corpus, out TimeSpan built, out double keptMiB, out Regex regex)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var watch = Stopwatch.StartNew();
        try
        {
            regex = new Regex(pattern.ToString(), pattern.Options | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            (built, keptMiB, regex) = (default, 0, pattern);
            return false;
        }

        _ = regex.IsMatch("x");
        built = watch.Elapsed;
        _ = Count(regex, corpus);
        keptMiB = (GC.GetTotalMemory(forceFullCollection: true) - before) / 1048576.0;
        return true;
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
