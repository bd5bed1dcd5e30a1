using System.Globalization;
using System.Net;
using System.Text;
using Bench.Micro;
using Bench.Upstream;
using Gateway.Transforms.Errors;
using Gateway.Transforms.Scrubbing;

// Usage: dotnet Bench.Micro.dll [seconds per row, default 3]. Run pinned (taskset -c 1) on a quiet machine.
var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 3;
var duration = TimeSpan.FromSeconds(seconds);
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
