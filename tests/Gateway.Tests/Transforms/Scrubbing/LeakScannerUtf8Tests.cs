using System.Text;
using Gateway.Tests.Transforms.Corpus;
using Gateway.Transforms.Errors;
using Gateway.Transforms.Scrubbing;

namespace Gateway.Tests.Transforms.Scrubbing;

/// <summary>
/// UTF-8 that is not all ASCII is searched as bytes and read as UTF-16 only once a marker passes its guard: the verdict
/// is the UTF-16 scan's, and clean text does stay on bytes.
/// </summary>
public class LeakScannerUtf8Tests
{
    // Non-ASCII text of every length in UTF-8, two-unit characters among it.
    private static readonly string[] s_extras = ["\u00A0", "é", "—", "’", "日本", "😀", "\U00010348"];

    // Markers and the text on their guards' edges, leaky or not.
    private static readonly string[] s_pieces =
    [
        "https://www.example.com/a", "http://svc:80/", "postgres://u:p@db/x", "://", "at Foo.Bar(", "at ", "Error", "error",
        "TypeError", "Exception", "password =", "password", "user id=x;", "C:/", ":/", "fc00:", "fc", "rfc9110", "<title>",
        "<title>X Exception at /y</title>", "10.0.0.1", "localhost:8080", "\\\\srv\\share", "/var/www/", "SQLSTATE[23000]",
        " ", " ", ".", "\n", "x", "Page not found", "é", "—", "😀", "\u00A0", "日本", "’",
    ];

    public static TheoryData<string> CorpusBodies() => [.. UpstreamCorpus.All.Select(c => Encoding.UTF8.GetString(c.RawBytes)).Distinct(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(CorpusBodies))]
    public void Scan_CorpusBodyWithNonAsciiText_AgreesWithUtf16Scan(string body)
    {
        foreach (var extra in s_extras)
        {
            var text = body.Replace(" ", " " + extra, StringComparison.Ordinal).Replace(".", extra + ".", StringComparison.Ordinal);
            var bytes = Encoding.UTF8.GetBytes(text);
            Assert.Equal(LeakScanner.Scan(text), LeakScanner.Scan(bytes));
            Assert.False(LeakScanner.IsCleanUtf8(bytes) && ReferenceScanner.Scan(text) != LeakKinds.None);
        }
    }

    [Fact]
    public void Scan_CleanMessagesAmongNonAsciiText_AgreeWithUtf16ScanAndStayOnBytes()
    {
        var onBytes = 0;
        foreach (var message in CleanMessages.All)
        {
            foreach (var extra in s_extras)
            {
                var text = extra + " " + message.Replace(" ", extra + " ", StringComparison.Ordinal) + extra;
                var bytes = Encoding.UTF8.GetBytes(text);
                Assert.Equal(LeakScanner.Scan(text), LeakScanner.Scan(bytes));
                onBytes += LeakScanner.IsCleanUtf8(bytes) ? 1 : 0;
            }
        }

        // Clean text whose markers are all refuted never leaves the bytes; some clean messages still wake a regex.
        Assert.True(onBytes > CleanMessages.All.Length * s_extras.Length * 3 / 4, $"{onBytes} on bytes");
    }

    [Fact]
    public void Scan_RandomMarkersAmongNonAsciiText_AgreesWithUtf16Scan()
    {
        var random = new Random(20261206);
        for (var round = 0; round < 3000; round++)
        {
            var pieces = Enumerable.Range(0, random.Next(1, 40)).Select(_ => s_pieces[random.Next(s_pieces.Length)]);
            var text = string.Concat(pieces);
            if (round % 10 == 0)
            {
                // Markers farther than the guards' view from the text's ends, and from each other.
                text = new string('é', random.Next(200, 400)) + text + new string('—', random.Next(200, 400));
            }

            var bytes = Encoding.UTF8.GetBytes(text);
            Assert.Equal(LeakScanner.Scan(text), LeakScanner.Scan(bytes));
        }
    }

    [Fact]
    public void IsCleanUtf8_FrenchNotFoundPage_StaysOnBytes()
    {
        var page = """
            <!DOCTYPE html><html lang="fr"><head><title>404 – Page introuvable</title></head>
            <body><h1>Page introuvable</h1><p>La page demandée est introuvable : elle a peut-être été déplacée.</p>
            <p>Retour à la <a href="https://www.example.fr/">page d’accueil</a>.</p></body></html>
            """;

        Assert.True(LeakScanner.IsCleanUtf8(Encoding.UTF8.GetBytes(page)));
        Assert.Equal(LeakKinds.None, LeakScanner.Scan(Encoding.UTF8.GetBytes(page)));
    }

    [Theory]
    [InlineData("SharedAccess\u212Aey=abc123 é")]
    [InlineData("System.Data.SqlClient.\u017FqlException — x")]
    [InlineData("\u0130nternal error é")]
    [InlineData("bad \u0131nput é")]
    public void IsCleanUtf8_CharacterThatFoldsToAscii_LeavesTheBytes(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Assert.True(LeakScanner.ContainsFoldToAscii(bytes));
        Assert.False(LeakScanner.IsCleanUtf8(bytes));
        Assert.Equal(LeakScanner.Scan(text), LeakScanner.Scan(bytes));
    }

    [Theory]
    [InlineData("é — ’ 日本 😀 \u00C4\u00B0 \u0104")]
    [InlineData("")]
    [InlineData("plain")]
    public void ContainsFoldToAscii_OtherText_IsFalse(string text) =>
        Assert.False(LeakScanner.ContainsFoldToAscii(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void Scan_InvalidUtf8NextToMarkers_AgreesWithUtf16Scan()
    {
        byte[] invalid = [.. "at Foo.Bar(x) é "u8, 0xC4, .. " TypeError "u8, 0xE2, 0x84, .. "password=x"u8];
        Assert.False(LeakScanner.IsCleanUtf8(invalid));
        Assert.Equal(LeakScanner.Scan(Encoding.UTF8.GetString(invalid)), LeakScanner.Scan(invalid));
    }

    [Fact]
    public void IsCleanUtf8_InvalidByteFarFromTheMarkers_StaysOnBytes()
    {
        byte[] body = [.. "See https://www.example.com/help — é "u8, .. Enumerable.Repeat((byte)'x', 400), 0xFF, 0xC3, (byte)' ', .. "fin."u8];
        Assert.True(LeakScanner.IsCleanUtf8(body));
        Assert.Equal(LeakKinds.None, LeakScanner.Scan(Encoding.UTF8.GetString(body)));
    }

    [Fact]
    public void Scan_RandomMarkersAmongInvalidUtf8_AgreesWithUtf16Scan()
    {
        var random = new Random(7);
        byte[][] invalid = [[0xFF], [0xC3], [0xE2, 0x84], [0xF0, 0x9F, 0x98], [0x80], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xE0, 0x80, 0xAF]];
        for (var round = 0; round < 3000; round++)
        {
            var bytes = new List<byte>();
            for (var k = random.Next(1, 30); k > 0; k--)
            {
                bytes.AddRange(random.Next(3) == 0
                    ? invalid[random.Next(invalid.Length)]
                    : Encoding.UTF8.GetBytes(s_pieces[random.Next(s_pieces.Length)]));
            }

            var body = bytes.ToArray();
            Assert.Equal(LeakScanner.Scan(Encoding.UTF8.GetString(body)), LeakScanner.Scan(body));
        }
    }
}
