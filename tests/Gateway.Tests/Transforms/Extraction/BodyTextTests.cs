using System.Text;
using Gateway.Transforms.Extraction;

namespace Gateway.Tests.Transforms.Extraction;

/// <summary>
/// A body is decoded only as far as the sniffer and the text reader read it; they must decide as they did over the
/// whole decoded text: leading white space longer than the decoded start, characters cut at its end, other charsets.
/// </summary>
public class BodyTextTests
{
    private static readonly string[] s_lead = [" ", "\n", "\r\n", "\t", "\u00A0", "\u3000", new string(' ', 2000), new string('\u00A0', 1500)];

    private static readonly string[] s_content =
    [
        "{", "[", "\"", "<!DOCTYPE html>", "<html>", "<?xml version=\"1.0\"?>", "<root>", "<p>", "Error: ", "\u0001\u0002\u0003",
        "\uFFFD", "\0", "é", "中", "\U0001D11E", "\n", "\r", "\r\n", "line of text ", "ab", new string('x', 3000),
        new string('中', 2100), string.Concat(Enumerable.Repeat("\U0001D11E", 800)), string.Concat(Enumerable.Repeat("ok\n", 40)),
    ];

    private static readonly string?[] s_types = ["text/html", "application/json", "text/plain", null];

    [Fact]
    public void SniffAndTextCandidates_RandomBodies_SameAsOverTheWholeText()
    {
        var random = new Random(20261206);
        for (var i = 0; i < 4000; i++)
        {
            var text = Fragments.Join(random, s_lead, 6) + Fragments.Join(random, s_content, 12);
            var media = MediaType.Parse(s_types[i % s_types.Length]);
            AssertSame(Encoding.UTF8.GetBytes(text), null, text, media, $"body {i}");
        }
    }

    [Theory]
    [InlineData(2047)]
    [InlineData(2048)]
    [InlineData(6143)]
    [InlineData(6144)]
    [InlineData(6145)]
    public void Sniff_LeadingWhiteSpaceAroundTheDecodedStart_SameAsOverTheWholeText(int spaces)
    {
        foreach (var space in new[] { " ", "\u00A0", "\u3000" })
        {
            foreach (var content in new[] { "<html><h1>x</h1>", "{\"a\":1}", "[ERROR] x", "\u0001\u0002 binary", "plain" })
            {
                var text = string.Concat(Enumerable.Repeat(space, spaces)) + content;
                foreach (var type in s_types)
                {
                    AssertSame(Encoding.UTF8.GetBytes(text), null, text, MediaType.Parse(type), $"{spaces} × U+{(int)space[0]:X4}, {content}");
                }
            }
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("utf-8")]
    [InlineData("UTF-8")]
    public void Decode_Windows1252SaidToBeUtf8OrNothing_ReadAsWindows1252(string? charset)
    {
        var windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
        foreach (var text in new[] { "L'élève 12 est introuvable.", "Straße “Süd” – 5 € fehlen", "Prénom invalide", "Año: 2026\r\nNiño no encontrado" })
        {
            AssertSame(windows1252.GetBytes(text), charset, text, MediaType.Parse("text/plain"), text);
        }
    }

    [Fact]
    public void Decode_BinaryOrMostlyHighBytes_NotTakenForWindows1252()
    {
        byte[] withNul = [.. "Fehler: "u8, 0xE4, 0x00, 0x01];
        AssertSame(withNul, null, Encoding.UTF8.GetString(withNul), MediaType.Parse("text/plain"), "NUL");

        var random = new Random(20261207);
        var bytes = new byte[512];
        random.NextBytes(bytes);
        bytes.AsSpan().Replace((byte)0, (byte)1);
        Assert.False(LegacyText.LooksLikeWindows1252(bytes), "random bytes are half high ones");
        AssertSame(bytes, null, Encoding.UTF8.GetString(bytes), MediaType.Parse("text/plain"), "random bytes");

        byte[] bom = [0xEF, 0xBB, 0xBF, .. "caf"u8, 0xE9];
        AssertSame(bom, null, Encoding.UTF8.GetString(bom.AsSpan(3)), MediaType.Parse("text/plain"), "a UTF-8 BOM says UTF-8");
    }

    [Fact]
    public void Decode_OtherCharsetsAndInvalidUtf8_GiveTheDecodedText()
    {
        var latin1 = Encoding.Latin1.GetBytes("<h1>Erreur 404 : page não encontrada</h1>");
        AssertSame(latin1, "ISO-8859-1", Encoding.Latin1.GetString(latin1), MediaType.Parse("text/html; charset=ISO-8859-1"), "Latin-1");

        // UTF-8 with damaged bytes stays UTF-8: the damage becomes U+FFFD.
        byte[] invalid = [.. "Erreur : élève\r\n"u8, 0xFF, 0xC3, .. "second line\n"u8, 0xE4, 0xB8];
        AssertSame(invalid, null, Encoding.UTF8.GetString(invalid), MediaType.Parse("text/plain"), "invalid UTF-8");

        byte[] bom = [0xEF, 0xBB, 0xBF, .. "  {\"message\":\"é\"}"u8];
        AssertSame(bom, null, "  {\"message\":\"é\"}", MediaType.Parse("application/json"), "BOM");

        var utf16 = Encoding.Unicode.GetBytes("\uFEFFFehler:\nZeile zwei");
        AssertSame(utf16, null, "Fehler:\nZeile zwei", MediaType.Parse("text/plain"), "UTF-16 BOM");
    }

    [Fact]
    public void Prefix_AfterTheWholeTextWasDecoded_IsThePrefixOfIt()
    {
        var text = BodyDecoder.Decode(Encoding.UTF8.GetBytes("é中\U0001D11E abc"), null);
        try
        {
            Assert.Equal("é中\U0001D11E abc", text.All().ToString());
            Assert.Equal("é中", text.Prefix(6, out var whole).ToString()); // cut back from inside the pair's four bytes
            Assert.False(whole);
            Assert.Equal("é", text.Prefix(3, out _).ToString());
            Assert.Equal("é中\U0001D11E abc", text.Prefix(100, out whole).ToString());
            Assert.True(whole);
        }
        finally
        {
            text.Dispose();
        }
    }

    private static void AssertSame(byte[] body, string? charset, string expectedText, MediaType media, string what)
    {
        var expectedFormat = FormatSniffer.Sniff(expectedText, media);
        var expectedLines = TextMessageReader.Candidates(expectedText);

        var text = BodyDecoder.Decode(body, charset ?? media.Charset);
        try
        {
            Assert.True(expectedFormat == FormatSniffer.Sniff(ref text, media), $"{what}: format");
            Assert.True(expectedLines.SequenceEqual(TextMessageReader.Candidates(ref text)), $"{what}: text candidates");
            Assert.True(expectedText.AsSpan().SequenceEqual(text.All()), $"{what}: whole text");
        }
        finally
        {
            text.Dispose();
        }
    }
}
