using System.Diagnostics;
using Gateway.Transforms.Errors;

namespace Gateway.Proxy;

/// <summary>
/// Builds the leak scanner's regex automata shortly after startup, off the request path: built lazily, they cost the
/// first upstream error about a second (several under load) of extra latency.
/// </summary>
internal sealed partial class ClassifierWarmup(ILogger<ClassifierWarmup> logger) : BackgroundService
{
    // Wakes every rule family once: a .NET frame with a path, SQL, a connection string, an internal host.
    private static readonly byte[] s_sample =
        "<title>Server Error in '/' Application.</title> System.InvalidOperationException: Invalid object name 'dbo.T'.\n   at A.B() in C:\\src\\A.cs:line 1\nServer=db01;Database=x;User Id=sa;Password=p; http://10.0.0.1/ ORA-00942 SQLSTATE[42S02] Traceback (most recent call last):"u8.ToArray();

    // Long enough for the first requests to be served first: on one core the build would delay them by about a second.
    private static readonly TimeSpan s_delay = TimeSpan.FromSeconds(3);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Delay(s_delay, stoppingToken);
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
