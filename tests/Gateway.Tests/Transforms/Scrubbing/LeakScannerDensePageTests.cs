using System.Text;
using Gateway.Tests.Transforms.Corpus;
using Gateway.Transforms.Scrubbing;

namespace Gateway.Tests.Transforms.Scrubbing;

/// <summary>
/// Pages dense with markers whose kinds are found early (a yellow screen's frames, paths and type names, repeated):
/// the walk passes over their anchors inside the filter once their rules are done, and the kinds found, all of them,
/// stay those of the plain scanner, with a different leak planted anywhere after the dense part.
/// </summary>
public class LeakScannerDensePageTests
{
    public static TheoryData<string> LeakyCorpusBodies() =>
        [.. UpstreamCorpus.All.Select(c => Encoding.UTF8.GetString(c.RawBytes)).Where(b => ReferenceScanner.Scan(b) != 0)
            .Distinct(StringComparer.Ordinal)];

    // Leaks of every kind, one of which is planted after the repeated body.
    private static readonly string[] s_late =
    [
        "Server=db01;Database=Sis;User Id=sa;Password=hunter2;",
        "upstream http://10.0.0.12:8080/ refused",
        "at Contoso.Api.Get(Int32 id)",
        "ORA-00942: table or view does not exist",
        "/var/www/app/index.php",
        "java.lang.IllegalStateException",
        "Whitelabel Error Page",
        "Violation of PRIMARY KEY constraint 'PK_x'. Cannot insert duplicate key",
    ];

    [Theory]
    [MemberData(nameof(LeakyCorpusBodies))]
    public void Scan_RepeatedLeakyBodyWithALateLeak_AgreesWithReference(string body)
    {
        var random = new Random(body.Length);
        var repeated = string.Concat(Enumerable.Repeat(body + "\n", Math.Max(2, 20_000 / (body.Length + 1))));
        foreach (var late in s_late.Prepend(string.Empty))
        {
            var at = random.Next(body.Length, repeated.Length);
            var text = repeated[..at] + " " + late + " " + repeated[at..];
            var expected = ReferenceScanner.Scan(text);
            Assert.Equal(expected, LeakScanner.Scan(text));
            Assert.Equal(expected, LeakScanner.Scan(Encoding.UTF8.GetBytes(text)));
        }
    }
}
