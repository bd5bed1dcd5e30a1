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

    [Theory]
    [InlineData("Tom &amp; Jerry were not found.")]
    [InlineData("The field \\u0027name\\u0027 is required.")]
    public void Normalize_CleanMessageWithEscapes_StillShown(string message)
    {
        var verdict = ErrorNormalizer.Normalize(400, "text/plain", Encoding.UTF8.GetBytes(message), false, ErrorProfile.EdFi, NormalizerSettings.Default);

        Assert.Equal(message, verdict.Message);
    }
}
