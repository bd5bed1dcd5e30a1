using System.Text;
using FsCheck.Xunit;
using Gateway.Tests.Transforms.Corpus;
using Gateway.Tests.Transforms.Generators;
using Gateway.Transforms.Errors;
using Gateway.Transforms.Scrubbing;

namespace Gateway.Tests.Transforms.Scrubbing;

/// <summary>The windowed, chunked scanner gives the verdict of the plain one (<see cref="ReferenceScanner"/>).</summary>
[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 300)]
public class LeakScannerEquivalenceTests
{
    // Filler that holds markers but no leak, so windows open, merge and close all over a large body.
    private const string Filler = "Please try again at a later time; the error was reported to the server team. ";

    public static TheoryData<string> CorpusBodies() => [.. UpstreamCorpus.All.Select(c => Encoding.UTF8.GetString(c.RawBytes)).Distinct(StringComparer.Ordinal)];

    [Property]
    public bool Scan_AnyResponse_AgreesWithReference(AnyResponse response)
    {
        var text = Encoding.UTF8.GetString(response.Body);
        var expected = ReferenceScanner.Scan(text);
        return LeakScanner.Scan(text) == expected && LeakScanner.Scan(response.Body) == expected;
    }

    [Property]
    public bool Scan_TraceDeepInsideLargeBody_AgreesWithReference(TraceInText sample, byte fillerLines)
    {
        var filler = string.Concat(Enumerable.Repeat(Filler, 40 + fillerLines));
        var text = filler + sample.Text + filler;
        var expected = ReferenceScanner.Scan(text);
        return LeakScanner.Scan(text) == expected && LeakScanner.Scan(Encoding.UTF8.GetBytes(text)) == expected;
    }

    [Theory]
    [MemberData(nameof(CorpusBodies))]
    public void Scan_CorpusBodyAtEveryChunkOffset_AgreesWithReference(string body)
    {
        // Shifting the body across the 4096-character chunk border puts every marker on it once in a while.
        foreach (var shift in new[] { 0, 1, 7, 31, 64, 255, 1000 })
        {
            var text = new string(' ', 4096 - Math.Min(shift, 4096)) + body + new string(' ', shift);
            var expected = ReferenceScanner.Scan(text);
            Assert.Equal(expected, LeakScanner.Scan(text));
            Assert.Equal(expected, LeakScanner.Scan(Encoding.UTF8.GetBytes(text)));
        }
    }

    [Theory]
    [MemberData(nameof(CorpusBodies))]
    public void ScanForMore_AnyKnownKinds_AddsWhatAFullScanFinds(string body)
    {
        // The rescan of unescaped text starts from the kinds the raw text showed; the union must not change.
        var full = LeakScanner.Scan(body);
        foreach (var known in new[] { LeakKinds.None, full, full & (LeakKinds)0x5555, full & (LeakKinds)0x2AAA, LeakKinds.StackTrace, LeakKinds.FilePath | LeakKinds.ExceptionType })
        {
            Assert.Equal(full | known, LeakScanner.ScanForMore(body, known));
        }
    }

    [Theory]
    [MemberData(nameof(CorpusBodies))]
    public void Scan_CorpusBodyWithNonAsciiText_AgreesWithReference(string body)
    {
        // What an unescaped HTML page looks like: no-break spaces, accents, dashes, CJK and an emoji next to markers.
        foreach (var extra in new[] { "\u00A0", "é", "—", "日本", "😀" })
        {
            var text = body.Replace(" ", " " + extra, StringComparison.Ordinal).Replace(".", extra + ".", StringComparison.Ordinal);
            Assert.Equal(ReferenceScanner.Scan(text), LeakScanner.Scan(text));
        }
    }

    [Theory]
    [InlineData("java.lang.IllegalStateException: bad \u0131nput at com.acme.Api.get(Api.java:42)")]
    [InlineData("System.Data.SqlClient.\u017FqlException: Invalid column name 'x'.")]
    [InlineData("at Contoso.Api.Get(Int32 id) in D:\\Builds\\Api.cs:line 42 \u212A")]
    [InlineData("\u0130nternal error: SQLSTATE[23000]: Integrity constraint violation")]
    [InlineData("SharedAccess\u212Aey=abc123")]
    [InlineData("cannot reach \u212Aafka://broker.example.com:9092")]
    public void Scan_TextWithCharactersThatFoldToAscii_AgreesWithReference(string text) =>
        Assert.Equal(ReferenceScanner.Scan(text), LeakScanner.Scan(text));

    [Fact]
    public void Scan_MarkerAcrossChunkBorder_IsFound()
    {
        for (var cut = 1; cut < "java.lang.IllegalStateException".Length; cut++)
        {
            var text = new string('x', 4096 - cut) + " java.lang.IllegalStateException thrown";
            Assert.Equal(LeakKinds.ExceptionType, LeakScanner.Scan(Encoding.UTF8.GetBytes(text)));
        }
    }

    [Fact]
    public void Scan_MatchEndingAtTheWindowCut_IsNotReportedFromTheCut()
    {
        // "x.go:12" followed by more digits and letters is no Go frame: \b after the digits needs a non-word character.
        var text = "see x.go:12" + new string('7', 2000) + "abc" + new string(' ', 3000);
        Assert.Equal(ReferenceScanner.Scan(text), LeakScanner.Scan(text));
    }

    [Fact]
    public void Scan_ManyWindowsInOneBody_FindsTheLastLeak()
    {
        var text = string.Concat(Enumerable.Repeat(Filler, 5000)) + "at Contoso.Api.Get(Int32 id)";
        Assert.Equal(LeakKinds.StackTrace, LeakScanner.Scan(text));
        Assert.Equal(LeakKinds.StackTrace, LeakScanner.Scan(Encoding.UTF8.GetBytes(text)));
    }
}
