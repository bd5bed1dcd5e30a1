using System.Text;
using FsCheck.Xunit;
using Gateway.Tests.Transforms.Generators;
using Gateway.Transforms.Errors;
using Gateway.Transforms.Scrubbing;

namespace Gateway.Tests.Transforms.Scrubbing;

[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 500)]
public class LeakScannerPropertyTests
{
    [Property]
    public bool Scan_StackTraceEmbeddedInCleanText_IsFlagged(TraceInText sample) =>
        (LeakScanner.Scan(sample.Text) & LeakKinds.StackTrace) != 0
        && (LeakScanner.Scan(Encoding.UTF8.GetBytes(sample.Text)) & LeakKinds.StackTrace) != 0;

    [Property]
    public bool Scan_OrdinarySentence_IsClean(CleanSentence sentence) =>
        LeakScanner.Scan(sentence.Text) == LeakKinds.None;

    [Property]
    public bool Scan_Utf8AndUtf16_Agree(AnyResponse response) =>
        LeakScanner.Scan(response.Body) == LeakScanner.Scan(Encoding.UTF8.GetString(response.Body));
}
