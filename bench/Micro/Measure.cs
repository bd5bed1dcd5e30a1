using System.Diagnostics;
using System.Globalization;

namespace Bench.Micro;

/// <summary>A plain timing loop: warm-up, then as many calls as fit in the time; reports µs and bytes per call.</summary>
/// <remarks>
/// The warm-up is as long as the measurement: tiered compilation and dynamic PGO leave the regex-heavy normalizer
/// in slow instrumented code for seconds (a count-based warm-up measured it 2–4× too slow).
/// </remarks>
internal static class Measure
{
    public static void Run(string name, Action call, TimeSpan duration)
    {
        var warmup = Stopwatch.StartNew();
        while (warmup.Elapsed < duration)
        {
            call();
        }

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var calls = 0;
        while (watch.Elapsed < duration)
        {
            call();
            calls++;
        }

        var microseconds = watch.Elapsed.TotalMicroseconds / calls;
        var bytes = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / calls;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {microseconds:F1} | {bytes} |"));
    }
}
