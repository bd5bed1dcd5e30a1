using Gateway.Transforms.Extraction;

namespace Gateway.Tests.Transforms.Extraction;

/// <summary>
/// Cleaning copies runs of printable ASCII and keeps only the characters truncation reads; it must give the same
/// message as cleaning char by char did (<see cref="ReferenceExtraction.Clean"/>).
/// </summary>
public class MessageTextTests
{
    private static readonly string[] s_fragments =
    [
        "a", "Hello world", "The field BirthDate must be between 1900-01-01 and 2030-12-31.", " ", "   ", "\t", "\n", "\r\n",
        "\u0001", "\u007F", "\u0085", "\u200B", "\u202E", "\uFEFF", "\u00A0", "\u2028", "\u3000", "\U0001D11E", "é", "中",
        ",", ";", "-", ":", " ,", "; ", new string('x', 149), new string('y', 151), string.Concat(Enumerable.Repeat("word ", 70)),
        new string(' ', 400), new string('\u200B', 500), "a  b", "  ", new string('z', 700), "x \t y",
    ];

    [Fact]
    public void Clean_RandomText_SameAsCleaningCharByChar()
    {
        var random = new Random(20261206);
        for (var i = 0; i < 20000; i++)
        {
            var raw = Fragments.Join(random, s_fragments, 30);
            var expected = ReferenceExtraction.Clean(raw);
            var actual = MessageText.Clean(raw);
            Assert.True(expected == actual, $"text {i} ({raw.Length} chars): expected «{expected}», got «{actual}»");
        }
    }

    [Theory]
    [InlineData(298)]
    [InlineData(299)]
    [InlineData(300)]
    [InlineData(301)]
    [InlineData(302)]
    public void Clean_LongMessage_CutLikeCharByChar(int length)
    {
        foreach (var filler in new[] { "x", "ab ", "\U0001D11E", " \t" })
        {
            var raw = string.Concat(Enumerable.Repeat(filler, length)) + " tail";
            Assert.Equal(ReferenceExtraction.Clean(raw), MessageText.Clean(raw));
        }
    }

    [Theory]
    [InlineData("404 - Student not found", 404, "Student not found")]
    [InlineData("HTTP Error 404.0 - Not Found here", 404, "Not Found here")]
    [InlineData("4040 items", 404, "4040 items")]
    [InlineData("-12 odd status", -12, "-12 odd status")]
    [InlineData("1000 - four digits", 1000, "1000 - four digits")]
    [InlineData("40", 404, "40")]
    public void StripStatusPrefix_DropsOnlyThisStatus(string message, int status, string expected) =>
        Assert.Equal(expected, MessageText.StripStatusPrefix(message, status));

    [Fact]
    public void Clean_CleanMessage_IsTheSameString()
    {
        const string message = "The student was not found.";
        Assert.Same(message, MessageText.Clean(message));
    }

    [Theory]
    [InlineData("The student was not found.", true)]
    [InlineData("Not Found", false)]
    [InlineData("Unknown error!", false)]
    [InlineData("n/a.", false)]
    [InlineData("x", false)]
    public void IsInformative_ReasonPhrasesAndPlaceholders_AreNot(string message, bool expected) =>
        Assert.Equal(expected, MessageText.IsInformative(message));

    // Django's "Reason (NNN)" headline, Jetty's "Bad Message NNN", Cloudflare's "Error 1020": a status, no message.
    [Theory]
    [InlineData("Bad Request (400)", false)]
    [InlineData("Forbidden (403)", false)]
    [InlineData("Server Error (500)", false)]
    [InlineData("Not Found (404).", false)]
    [InlineData("Bad Message 400", false)]
    [InlineData("bad message 431", false)]
    [InlineData("Error 1020", false)]
    [InlineData("ERROR: 1020", false)]
    [InlineData("Error #7", false)]
    [InlineData("Student 12 was not found (404)", true)]
    [InlineData("The page you were looking for doesn't exist (404)", true)]
    [InlineData("Phone number must look like +1 (555) 010-0199.", true)]
    [InlineData("Bad Request (4000)", true)]
    [InlineData("Error 1020: access denied by rule 7", true)]
    [InlineData("Errors 12", true)]
    [InlineData("Error1020", true)]
    [InlineData("Bad Message", true)]
    public void IsInformative_StatusOnlyShapes_AreNot(string message, bool expected) =>
        Assert.Equal(expected, MessageText.IsInformative(message));
}
