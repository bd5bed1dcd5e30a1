// In-process cost of what generate mode adds per response: copying the body into a pooled buffer and
// XxHash128 over it (the same calls as BodyBuffer and EntityTagGenerator). Single thread, CPU time; median of 5 runs.
using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.IO.Hashing;

foreach (var size in new[] { 1024, 64 * 1024, 1024 * 1024 })
{
    var body = new byte[size];
    new Random(size).NextBytes(body);
    var iterations = Math.Max(200, 512 * 1024 * 1024 / size);
    var samples = new List<double>();
    var hash = new byte[16];
    for (var run = 0; run < 6; run++)
    {
        // CPU time, not wall time: the machine is shared, and a preempted loop would look slow.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < iterations; i++)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(size + 1);
            body.CopyTo(buffer, 0);
            XxHash128.Hash(buffer.AsSpan(0, size), hash);
            ArrayPool<byte>.Shared.Return(buffer);
        }

        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        if (run > 0)
        {
            samples.Add(used.TotalMicroseconds / iterations); // run 0 warms up
        }
    }

    samples.Sort();
    var median = samples[samples.Count / 2];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{size / 1024,5} KiB: {median,9:0.00} us per body (copy + XxHash128), {size / median / 1000,6:0.0} GB/s"));
}
