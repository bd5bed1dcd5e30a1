using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Transforms.Benchmarks;

// In-process: no generated project to build (the machine is shared and slow to build on), and the short job keeps a
// full run to a few minutes. Ratios between cases are the figures to read; see README.md.
if (args is ["probe", ..])
{
    Probe.Run(args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 0.5);
    return;
}

if (args is ["probe-count", var method, var body, var size, var calls])
{
    Probe.Count(method, Enum.Parse<Body>(body), int.Parse(size, System.Globalization.CultureInfo.InvariantCulture), int.Parse(calls, System.Globalization.CultureInfo.InvariantCulture));
    return;
}

var config = DefaultConfig.Instance
    .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("ShortRun-InProcess"))
    .AddColumn(new ThroughputColumn())
    .WithOptions(ConfigOptions.JoinSummary);

BenchmarkSwitcher.FromAssembly(typeof(ClassifierBenchmarks).Assembly).Run(args, config);
