using System.Text;
using Gateway.Tests.Transforms.Corpus;
using Gateway.Transforms.Errors;
using Gateway.Transforms.Scrubbing;

namespace Gateway.Tests.Transforms.Scrubbing;

/// <summary>A window that starts at the text's start is tried early, cut at a later marker; a kind found there stops its
/// rules for the rest of the body. The verdict stays the plain scanner's (<see cref="ReferenceScanner"/>), whatever
/// falls across the cut, and the integrity hint never says "none" for text that holds an integrity marker.</summary>
public class LeakSearchEarlyTryTests
{
    private static readonly string[] s_bodies =
        [.. UpstreamCorpus.All.Select(c => Encoding.UTF8.GetString(c.RawBytes)).Distinct(StringComparer.Ordinal)];

    public static TheoryData<string> CorpusBodies() => [.. s_bodies];

    [Theory]
    [MemberData(nameof(CorpusBodies))]
    public void Scan_CorpusBodyAtTheStartRepeated_AgreesWithReference(string body)
    {
        // Repeats put markers past every early try (512, then doubling); short prefixes move the cuts across the leaks.
        foreach (var prefix in new[] { 0, 1, 100, 400, 900 })
        {
            for (var copies = 1; copies <= 4; copies++)
            {
                AssertAgrees(new string(' ', prefix) + string.Concat(Enumerable.Repeat(body, copies)));
            }
        }
    }

    [Fact]
    public void Scan_RandomPiecesOfCorpusBodies_AgreesWithReference()
    {
        // Pieces cut anywhere, so a frame, a path or a connection string often straddles the marker an early try cuts at.
        var random = new Random(20261210);
        for (var n = 0; n < 300; n++)
        {
            var text = new StringBuilder();
            var length = random.Next(200, 5000);
            while (text.Length < length)
            {
                var body = s_bodies[random.Next(s_bodies.Length)];
                var from = random.Next(body.Length);
                text.Append(body, from, Math.Min(body.Length - from, random.Next(1, 700)));
                text.Append(random.Next(3) == 0 ? "\n" : " at ");
            }

            AssertAgrees(text.ToString());
        }
    }

    [Fact]
    public void Scan_AddressCutRightBeforeTheNextMarker_IsNotTakenForALeak()
    {
        // "10." at 0 opens the window (first early try at 512); "10.0.0.1" at 510 runs into "10.5" at 518, where the try
        // cuts: cut there the address looks whole, but in the text it is "10.0.0.110.5", which is no address.
        var text = "10.x" + new string(' ', 506) + "10.0.0.110.5 done";
        Assert.Equal(LeakKinds.None, ReferenceScanner.Scan(text));
        AssertAgrees(text);
        AssertAgrees(text + " at 10.0.0.2 ");
    }

    private static void AssertAgrees(string text)
    {
        var expected = ReferenceScanner.Scan(text);
        Assert.Equal(expected, LeakScanner.Scan(text));
        Assert.Equal(expected, LeakScanner.Scan(Encoding.UTF8.GetBytes(text)));
        Assert.Equal(expected, LeakScanner.Scan(text.AsSpan(), out var integrityMarker));
        var holdsMarker = IntegrityViolationDetector.MarkerList.Any(m => text.Contains(m, StringComparison.OrdinalIgnoreCase));
        Assert.True(integrityMarker || !holdsMarker);
        if (Ascii.IsValid(text))
        {
            Assert.Equal(expected, LeakScanner.Scan(Encoding.ASCII.GetBytes(text), out var asciiMarker));
            Assert.True(asciiMarker || !holdsMarker);
        }
    }
}
