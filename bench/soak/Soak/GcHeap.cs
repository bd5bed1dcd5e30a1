using System.Globalization;

namespace Bench.Soak;

/// <summary>
/// Reads the GC heap size series from the CSV that <c>dotnet-counters collect</c> wrote during the run: the
/// <c>dotnet.gc.last_collection.heap.size</c> of every generation, summed per reading.
/// </summary>
internal static class GcHeap
{
    private const string Counter = "dotnet.gc.last_collection.heap.size (By)";

    public static IReadOnlyList<(double Seconds, double MiB)> Read(string csvPath)
    {
        if (csvPath.Length == 0 || !File.Exists(csvPath))
        {
            return [];
        }

        var bytesByTime = new SortedDictionary<DateTime, double>();
        foreach (var line in File.ReadLines(csvPath).Skip(1))
        {
            // Timestamp,Provider,Counter Name,Counter Type,Mean/Increment; the name holds no comma.
            var fields = line.Split(',');
            if (fields.Length == 5 && fields[2].StartsWith(Counter, StringComparison.Ordinal)
                && DateTime.TryParse(fields[0], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
                && double.TryParse(fields[4], CultureInfo.InvariantCulture, out var bytes))
            {
                bytesByTime[at] = bytesByTime.GetValueOrDefault(at) + bytes;
            }
        }

        // Before the first collection every generation reads 0.
        var readings = bytesByTime.Where(p => p.Value > 0).ToArray();
        return readings.Length == 0 ? []
            : readings.Select(p => ((p.Key - readings[0].Key).TotalSeconds, p.Value / (1024 * 1024))).ToArray();
    }
}
