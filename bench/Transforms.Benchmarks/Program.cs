using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Transforms.Benchmarks;

// In-process: no generated project to build (the machine is shared and slow to build on), and the short job keeps a
// full run to a few minutes. Ratios between cases are the figures to read; see README.md.
if (args is ["show", var b, var sz])
{
    var (st, ct, by) = Bodies.Create(Enum.Parse<Body>(b), int.Parse(sz));
    var v = Gateway.Transforms.Errors.ErrorNormalizer.Normalize(st, ct, by, false, Gateway.Transforms.Errors.ErrorProfile.EdFi, Gateway.Transforms.Errors.NormalizerSettings.Default);
    Console.WriteLine(System.Text.Encoding.UTF8.GetString(by));
    Console.WriteLine($"---\n{v}");
    return;
}
if (args is ["check", var file])
{
    foreach (var line in File.ReadAllLines(file))
    {
        if (line.Length == 0) continue;
        var json = System.Text.Json.JsonSerializer.Serialize(new { message = line });
        var v = Gateway.Transforms.Errors.ErrorNormalizer.Normalize(400, "application/json", System.Text.Encoding.UTF8.GetBytes(json), false, Gateway.Transforms.Errors.ErrorProfile.EdFi, Gateway.Transforms.Errors.NormalizerSettings.Default);
        Console.WriteLine($"{(v.Leaks == 0 ? "PASS " : "flag ")} {v.Leaks,-20} {line}");
    }
    return;
}
if (args is ["body", var statusText, var ctype, var path])
{
    var bytes = File.ReadAllBytes(path);
    var v = Gateway.Transforms.Errors.ErrorNormalizer.Normalize(int.Parse(statusText), ctype, bytes, false, Gateway.Transforms.Errors.ErrorProfile.ProblemDetails, Gateway.Transforms.Errors.NormalizerSettings.Default);
    Console.WriteLine($"{Path.GetFileName(path)}: {v}");
    return;
}
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
