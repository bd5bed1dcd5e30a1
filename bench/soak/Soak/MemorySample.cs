namespace Bench.Soak;

/// <summary>The gateway's memory and CPU time at one moment of the run.</summary>
/// <param name="Seconds">Seconds since the load started (negative: before it).</param>
/// <param name="RssMiB">Resident set size, from <c>/proc/PID/status</c> VmRSS.</param>
/// <param name="CpuSeconds">utime + stime so far, from <c>/proc/PID/stat</c>.</param>
/// <param name="Requests">Requests answered so far.</param>
internal sealed record MemorySample(double Seconds, double RssMiB, double CpuSeconds, long Requests);
