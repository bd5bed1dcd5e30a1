using System.Text;
using Gateway.Transforms.Errors;

namespace Gateway.Tests.Fuzz;

/// <summary>
/// What the normalizer fuzzing found: a message taken as a text line keeps the escapes of the body it came from, and
/// a leak behind them (<c>\u0027</c>, <c>&amp;#39;</c>) slipped past the scan and reached the client.
/// </summary>
public class NormalizerFuzzFindingTests
{
    [Theory]
    // JSON behind two mis-encoded bytes: not parsed, so the whole line became the message, escapes and all.
    [InlineData("application/json", "\u00c0\u00af{\"code\":500,\"extra\":\"Table \\u0027sis.students\\u0027 doesn\\u0027t exist\"}")]
    [InlineData("text/plain", "{\"detail\":\"Invalid object name \\u0027dbo.Students\\u0027.\"")]
    [InlineData("text/plain", "Invalid object name &#39;dbo.Students&#39;.")]
    [InlineData("text/plain", "Failed at C:\\u005cinetpub\\u005cwwwroot\\u005capp.dll")]
    public void Normalize_LeakBehindEscapesInATextLine_GenericMessage(string contentType, string body)
    {
        var bytes = Encoding.Latin1.GetBytes(body);

        var verdict = ErrorNormalizer.Normalize(400, contentType, bytes, false, ErrorProfile.EdFi, NormalizerSettings.Default);

        Assert.Equal("The request is not valid.", verdict.Message);
        Assert.NotEqual(LeakKinds.None, verdict.Leaks);
        Assert.False(verdict.PassThrough);
    }

    // Found by fuzzing (2026-12-07): JSON behind a bad byte is one text line, cut at 300 characters inside an escaped
    // leak ("type \u0027Null\u0027 is not a subtype of type…"); the line before the cut holds it whole.
    [Fact]
    public void Normalize_EscapedLeakCutByTheLengthLimit_GenericMessage()
    {
        var body = Convert.FromBase64String(
            "W/8KW3siZXJyb3IiOnsiZXhjZXB0aW9uIjp7Ik1lc3NhZ2UiOnsidGl0bGUiOlt7Im1lc3NhZ2UiOnsibWVzc2FnZSI6W3siZXJyb3JfZGVzY3JpcHRpb24iOnsiZXhjZXB0aW9uIjp7InRpdGxlIjoiU2VydmVyIHN0YWNrIGV4Y2VwdGlvbiByb3N0ZXIgMjAuMTEuMTEgc3RhY2sgc291cmNlIDEyOjA0IHBsZWFzZSBKYW51YXJ5IG5vdCBsb25nIHJvc3RlciBzZXJ2ZXIgcmVjb3JkIGRhdGFiYXNlIG9uZSBleGNlcHRpb24uIiwieCI6InR5cGUgXHUwMDI3TnVsbFx1MDAyNyBpcyBub3QgYSBzdWJ0eXBlIG9mIHR5cGUgXHUwMDI3U3RyaW5nXHUwMDI3IGluIHR5cGUgY2FzdCIg/319fV19fV19fX19XV0=");
        var settings = new NormalizerSettings { ShowUpstream5xxMessages = true };

        var verdict = ErrorNormalizer.Normalize(519, "text/plain; charset=bogus", body, false, ErrorProfile.ProblemDetails, settings);

        Assert.Equal("An unexpected error occurred.", verdict.Message);
        Assert.NotEqual(LeakKinds.None, verdict.Leaks);
    }

    // Found by fuzzing (2026-12-07): a trace's last line as a field's message; composed, its tab became "errors: ".
    [Fact]
    public void Normalize_TraceTailAsAFieldMessage_GenericMessage()
    {
        var body = Encoding.UTF8.GetBytes("{\"errors\":{\"title\":\"Schedule password not value.\",\"errors\":\"\\t... 42 more\"}}");

        var verdict = ErrorNormalizer.Normalize(404, "application/json", body, false, ErrorProfile.EdFi, NormalizerSettings.Default);

        Assert.DoesNotContain("42 more", verdict.Message, StringComparison.Ordinal);
        Assert.NotEqual(LeakKinds.None, verdict.Leaks);
    }

    [Theory]
    [InlineData("Tom &amp; Jerry were not found.")]
    [InlineData("The field \\u0027name\\u0027 is required.")]
    public void Normalize_CleanMessageWithEscapes_StillShown(string message)
    {
        var verdict = ErrorNormalizer.Normalize(400, "text/plain", Encoding.UTF8.GetBytes(message), false, ErrorProfile.EdFi, NormalizerSettings.Default);

        Assert.Equal(message, verdict.Message);
    }
}
