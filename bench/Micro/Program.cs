using System.Globalization;
using System.Net;
using System.Text;
using Bench.Micro;
using Bench.Upstream;
using Gateway.Tests.Transforms.Corpus;
using Gateway.Transforms.Errors;
using Gateway.Transforms.Scrubbing;

// Usage: dotnet Bench.Micro.dll [seconds per row, default 3] [regexes]. Run pinned (taskset -c 1) on a quiet machine.
// With "regexes", prints what each leak rule's regex costs (build time, memory kept, time on the yellow screen) instead.
var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 3;
var duration = TimeSpan.FromSeconds(seconds);
if (args.Length > 1 && args[1] == "regexes")
{
    RegexCosts.Run(duration);
    return;
}

var yellowScreen = Encoding.UTF8.GetBytes(YellowScreen.Html);
var cleanJson = """{"message":"Student 4711 was not found."}"""u8.ToArray();
var edFi = ErrorProfile.For(ErrorProfileKind.EdFi);

// The first call builds the leak scanner's regex automata: its time and the managed memory it keeps.
var retainedBefore = GC.GetTotalMemory(forceFullCollection: true);
var firstCall = System.Diagnostics.Stopwatch.StartNew();
ErrorNormalizer.Normalize(404, "application/json", cleanJson, false, edFi, NormalizerSettings.Default);
firstCall.Stop();
var retainedMiB = (GC.GetTotalMemory(forceFullCollection: true) - retainedBefore) / 1048576.0;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"First ErrorNormalizer.Normalize call in the process: {firstCall.Elapsed.TotalMilliseconds:F0} ms, {retainedMiB:F1} MiB managed memory kept."));

// Every regex then grows its automaton on what it reads: the memory kept after the whole corpus, both profiles.
foreach (var corpusCase in UpstreamCorpus.All)
{
    foreach (var profile in new[] { edFi, ErrorProfile.For(ErrorProfileKind.ProblemDetails) })
    {
        ErrorNormalizer.Normalize(corpusCase.Status, corpusCase.ContentType, corpusCase.RawBytes, corpusCase.Truncated, profile, corpusCase.Settings);
    }
}

var corpusMiB = (GC.GetTotalMemory(forceFullCollection: true) - retainedBefore) / 1048576.0;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"After normalizing the whole leak corpus ({UpstreamCorpus.All.Count} bodies, both profiles): {corpusMiB:F1} MiB managed memory kept."));
Console.WriteLine();
Console.WriteLine("| call | µs/call | bytes/call |");
Console.WriteLine("|---|---|---|");
Measure.Run("ErrorNormalizer.Normalize: 2.5 KB HTML 500 with a stack trace", () =>
    ErrorNormalizer.Normalize(500, "text/html; charset=utf-8", yellowScreen, false, edFi, NormalizerSettings.Default), duration);
Measure.Run("ErrorNormalizer.Normalize: clean JSON 404", () =>
    ErrorNormalizer.Normalize(404, "application/json", cleanJson, false, edFi, NormalizerSettings.Default), duration);
Measure.Run("LeakScanner.Scan: the HTML page as text", () => LeakScanner.Scan(YellowScreen.Html), duration);
Measure.Run("LeakScanner.Scan: the HTML page as UTF-8", () => LeakScanner.Scan(yellowScreen), duration);
Measure.Run("WebUtility.HtmlDecode: the HTML page", () => WebUtility.HtmlDecode(YellowScreen.Html), duration);
