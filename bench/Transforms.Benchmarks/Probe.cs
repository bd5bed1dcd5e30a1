using System.Diagnostics;
using System.Globalization;
using Gateway.Transforms.Errors;
using Gateway.Transforms.Scrubbing;

namespace Transforms.Benchmarks;

/// <summary>
/// A quick loop outside BenchmarkDotNet: MB/s from the process's CPU time (not wall time, so a loaded machine skews it
/// less), and a fixed-count mode for <c>valgrind --tool=callgrind</c>, whose instruction counts do not depend on load.
/// </summary>
/// <remarks>
/// <c>probe [seconds]</c> times every case; <c>probe-count Method Body Size Calls</c> runs one case a fixed number of
/// times (after as many warm-up calls) and prints nothing else, for callgrind.
/// </remarks>
internal static class Probe
{
    public static void Run(double seconds)
    {
        Console.WriteLine("| method | body | size | MB/s (CPU time) | µs/call | B allocated/call |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        foreach (var method in new[] { "Scan", "Normalize" })
        {
            foreach (var size in new[] { 1024, 64 * 1024, 1024 * 1024 })
            {
                foreach (var body in Enum.GetValues<Body>())
                {
                    var call = Create(method, body, size);
                    var cpu = TimeSpan.FromSeconds(seconds);
                    Loop(call, cpu); // warm-up: tiered compilation and dynamic PGO
                    var allocated = GC.GetAllocatedBytesForCurrentThread();
                    var (calls, used) = Loop(call, cpu);
                    var bytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / calls;
                    var micros = used.TotalMicroseconds / calls;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {method} | {body} | {size} | {size / micros:N0} | {micros:F2} | {bytes} |"));
                }
            }
        }
    }

    public static void Count(string method, Body body, int size, int calls)
    {
        var call = Create(method, body, size);
        for (var i = 0; i < 2 * calls; i++)
        {
            call();
        }
    }

    private static (long Calls, TimeSpan Cpu) Loop(Action call, TimeSpan cpu)
    {
        var process = Process.GetCurrentProcess();
        var start = process.TotalProcessorTime;
        long calls = 0;
        TimeSpan used;
        do
        {
            for (var i = 0; i < 16; i++)
            {
                call();
            }

            calls += 16;
            process.Refresh();
            used = process.TotalProcessorTime - start;
        }
        while (used < cpu);

        return (calls, used);
    }

    private static Action Create(string method, Body body, int size)
    {
        var (status, contentType, bytes) = Bodies.Create(body, size);
        return method == "Scan"
            ? () => LeakScanner.Scan(bytes)
            : () => ErrorNormalizer.Normalize(status, contentType, bytes, truncated: false, ErrorProfile.EdFi, NormalizerSettings.Default);
    }
}
