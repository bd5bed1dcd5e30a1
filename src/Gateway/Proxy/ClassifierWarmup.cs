using System.Diagnostics;
using Gateway.Transforms.Errors;

namespace Gateway.Proxy;

/// <summary>
/// Runs the error classifier once shortly after startup, off the request path, so that the first upstream error does
/// not pay for its first call: loading and JIT-compiling the leak patterns and building the one non-backtracking
/// automaton (≈ 150–200 ms on one core; about a second before the patterns became backtracking ones).
/// </summary>
internal sealed partial class ClassifierWarmup(ILogger<ClassifierWarmup> logger) : BackgroundService
{
    // Wakes every rule family once: a .NET frame with a path, SQL, a connection string, an internal host.
    private static readonly byte[] s_sample =
        "<title>Server Error in '/' Application.</title> System.InvalidOperationException: Invalid object name 'dbo.T'.\n   at A.B() in C:\\src\\A.cs:line 1\nServer=db01;Database=x;User Id=sa;Password=p; http://10.0.0.1/ ORA-00942 SQLSTATE[42S02] Traceback (most recent call last):"u8.ToArray();

    // Long enough for the first requests to be served first: on one core the first call would delay them.
    private static readonly TimeSpan s_delay = TimeSpan.FromSeconds(3);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(s_delay, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return; // stopped first (a host that failed to start reports its own cause; this is not one)
        }

        await Task.Run(
            () =>
            {
                var watch = Stopwatch.StartNew();
                ErrorNormalizer.Normalize(500, "text/html", s_sample, false, ErrorProfile.EdFi, NormalizerSettings.Default);
                Log.Warmed(logger, watch.Elapsed.TotalMilliseconds);
            },
            stoppingToken);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Error classifier ready in {ElapsedMs:0} ms")]
        public static partial void Warmed(ILogger logger, double elapsedMs);
    }
}
