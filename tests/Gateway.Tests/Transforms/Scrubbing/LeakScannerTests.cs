using System.Text;
using Gateway.Tests.Transforms.Corpus;
using Gateway.Transforms.Errors;
using Gateway.Transforms.Scrubbing;

namespace Gateway.Tests.Transforms.Scrubbing;

public class LeakScannerTests
{
    public static TheoryData<string, LeakKinds> LeakySamples()
    {
        var data = new TheoryData<string, LeakKinds>();
        foreach (var (text, kind) in LeakSamples.All)
        {
            data.Add(text, kind);
        }

        return data;
    }

    public static TheoryData<string> Clean() => [.. CleanMessages.All];

    [Theory]
    [MemberData(nameof(LeakySamples))]
    public void Scan_LeakySample_ReportsItsKind(string text, LeakKinds kind)
    {
        Assert.True((LeakScanner.Scan(text) & kind) == kind, $"{kind} not found in: {text}");
    }

    [Theory]
    [MemberData(nameof(LeakySamples))]
    public void Scan_LeakySampleAsUtf8_ReportsTheSameAsUtf16(string text, LeakKinds kind)
    {
        _ = kind;
        Assert.Equal(LeakScanner.Scan(text), LeakScanner.Scan(Encoding.UTF8.GetBytes(text)));
    }

    [Theory]
    [MemberData(nameof(Clean))]
    public void Scan_CleanClientMessage_ReportsNothing(string message)
    {
        Assert.Equal(LeakKinds.None, LeakScanner.Scan(message));
        Assert.Equal(LeakKinds.None, LeakScanner.Scan(Encoding.UTF8.GetBytes(message)));
    }

    [Fact]
    public void Scan_CleanSet_HasAtLeast150MessagesAndNoFalsePositive()
    {
        var flagged = CleanMessages.All.Where(m => LeakScanner.Scan(m) != LeakKinds.None).ToList();
        Assert.True(CleanMessages.All.Length >= 150, $"only {CleanMessages.All.Length} clean messages");
        Assert.Empty(flagged);
    }

    // The prefilter may only skip a regex when the text cannot match it: every match must contain a marker.
    [Theory]
    [MemberData(nameof(LeakySamples))]
    public void Rules_EveryPatternMatch_ContainsOneOfItsMarkers(string text, LeakKinds kind)
    {
        _ = kind;
        foreach (var rule in LeakRules.All)
        {
            foreach (var match in rule.Pattern.EnumerateMatches(text))
            {
                var matched = text.AsSpan(match.Index, match.Length);
                Assert.True(matched.ContainsAny(rule.Markers), $"{rule.Kind} matched '{matched}' without a marker");
            }
        }
    }

    // A name with an application-server port is a host only where one is meant: as the whole text (a header value), or
    // after a word about connecting or serving. Not a corpus sample: the fuzzer embeds those in any surrounding text.
    [Theory]
    [InlineData("legacy-sis:8080", LeakKinds.InternalHost)]
    [InlineData("  app-backend-2:9000 ", LeakKinds.InternalHost)]
    [InlineData("legacy-sis:8080 is full", LeakKinds.None)]
    [InlineData("Room legacy-sis:8080", LeakKinds.None)]
    public void Scan_NameWithApplicationPort_IsAHostOnlyWhereOneIsMeant(string text, LeakKinds expected)
    {
        Assert.Equal(expected, LeakScanner.Scan(text));
    }

    [Fact]
    public void Scan_EmptyInput_ReportsNothing()
    {
        Assert.Equal(LeakKinds.None, LeakScanner.Scan(ReadOnlySpan<char>.Empty));
        Assert.Equal(LeakKinds.None, LeakScanner.Scan(ReadOnlySpan<byte>.Empty));
    }

    [Fact]
    public void Scan_InvalidUtf8_DoesNotThrow()
    {
        byte[] bytes = [0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0xF0, 0x28, 0x8C, 0xBC, .. "at X.Y() in /app/x.cs:line 3"u8];
        Assert.Equal(LeakKinds.StackTrace | LeakKinds.FilePath, LeakScanner.Scan(bytes));
    }

    [Fact]
    public void Scan_LargeUtf8BeyondStackBuffer_FindsLeakAtTheEnd()
    {
        var text = new string('x', 100_000) + " java.lang.IllegalStateException";
        Assert.Equal(LeakKinds.ExceptionType, LeakScanner.Scan(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void GenericMessages_AllStatuses_AreClean()
    {
        for (var status = 100; status < 600; status++)
        {
            Assert.Equal(LeakKinds.None, LeakScanner.Scan(StatusDefaults.GenericMessage(status)));
        }

        Assert.Equal(LeakKinds.None, LeakScanner.Scan(ErrorNormalizer.IntegrityViolationMessage));
    }
}
