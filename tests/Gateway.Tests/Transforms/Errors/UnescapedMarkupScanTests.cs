using System.Text;
using Gateway.Tests.Transforms.Corpus;
using Gateway.Tests.Transforms.Extraction;
using Gateway.Transforms.Errors;
using Gateway.Transforms.Extraction;
using Gateway.Transforms.Scrubbing;

namespace Gateway.Tests.Transforms.Errors;

/// <summary>
/// Markup is unescaped and scanned as UTF-8 (<see cref="HtmlEntityUtf8"/>, <see cref="LeakScanner.ScanForMore(ReadOnlySpan{byte}, LeakKinds)"/>,
/// <see cref="IntegrityViolationDetector.IsMatch(ReadOnlySpan{byte})"/>): the same text and the same verdict as decoding
/// it to UTF-16 first, unescaping with <see cref="HtmlEntityText"/> and scanning the characters.
/// </summary>
public sealed class UnescapedMarkupScanTests
{
    private static readonly LeakKinds[] s_known =
    [
        LeakKinds.None, LeakKinds.StackTrace, LeakKinds.DebugPage | LeakKinds.StackTrace, LeakKinds.SqlError | LeakKinds.FilePath,
        LeakKinds.ExceptionType, LeakKinds.ConnectionString | LeakKinds.InternalHost,
    ];

    // Entities, the characters they hide, text that folds to ASCII only in UTF-16 (ſ, K, ı, İ), other non-ASCII, and
    // pieces of leaks and integrity violations, escaped and not.
    private static readonly string[] s_fragments =
    [
        "&", ";", "#", "x", "&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#39;", "&#34;", "&#x27;", "&#x2F;", "&nbsp;", "&copy;",
        "&eacute;", "&#x1F600;", "&#xD800;", "&#55296;", "&#0;", "&#9999;", "&#10000;", "&unknown;", "&LT;", " ", "\n", "<b>", "</b>",
        "é", "中", "😀", "\u00A0", "ſ", "\u212A", "ı", "İ", "at ", "com.example.Foo.bar(Foo.java:12)", "System.NullReferenceException",
        "   at SisApi.Data.Repository.Query(String sql) in D:\\Builds\\SisApi\\Repository.cs:line 42",
        "C:&#92;inetpub&#92;wwwroot&#92;web.config", "/var/www/html/index.php", "Server=db01;Database=sis;User Id=sa;Password=x;",
        "Violation of PRIMARY KEY constraint &#39;PK_Student&#39;", "duplicate key value violates unique constraint &quot;uq&quot;",
        "Invalid object name &#39;dbo.Student&#39;.", "ORA-00001", "SQLSTATE[23505]", "http://10.0.0.12:8080/internal",
        "&lt;title&gt;Server Error in &#39;/SisApi&#39; Application.&lt;/title&gt;", "Exception Details: ",
        "java.lang.IllegalStateException", "Traceback (most recent call last):", "  File &quot;/app/main.py&quot;, line 3",
    ];

    [Fact]
    public void Decode_RandomMarkup_IsTheUtf8OfTheTextDecoding()
    {
        var random = new Random(20261206);
        for (var i = 0; i < 20000; i++)
        {
            var markup = Fragments.Join(random, s_fragments, 24);
            var expected = Encoding.UTF8.GetBytes(DecodeText(markup));
            var actual = DecodeUtf8(Encoding.UTF8.GetBytes(markup));
            Assert.True(actual is not null && expected.AsSpan().SequenceEqual(actual), $"markup {i}: «{markup}»");
        }
    }

    [Fact]
    public void Scan_RandomMarkup_SameAsScanningTheText()
    {
        var random = new Random(7);
        for (var i = 0; i < 4000; i++)
        {
            var markup = Fragments.Join(random, s_fragments, 40);
            AssertSameScan(Encoding.UTF8.GetBytes(markup), s_known[random.Next(s_known.Length)], $"markup {i}: «{markup}»");
        }
    }

    [Fact]
    public void Scan_RandomBytes_SameAsScanningTheText()
    {
        // Bodies that are not valid UTF-8 reach the scan as their re-encoded text: U+FFFD for every bad sequence.
        var random = new Random(11);
        byte[] pieces = [(byte)'&', (byte)';', (byte)'#', (byte)'a', (byte)'t', (byte)' ', (byte)'<', 0xC3, 0xA9, 0xE4, 0xB8, 0xAD, 0xFF, 0x80, 0xF0, 0x9F];
        for (var i = 0; i < 4000; i++)
        {
            var bytes = new byte[random.Next(0, 64)];
            for (var b = 0; b < bytes.Length; b++)
            {
                bytes[b] = pieces[random.Next(pieces.Length)];
            }

            var utf8 = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes));
            AssertSameScan(utf8, s_known[random.Next(s_known.Length)], $"bytes {i}: {Convert.ToHexString(bytes)}");
        }
    }

    [Fact]
    public void Scan_CorpusBodies_SameAsScanningTheText()
    {
        foreach (var corpusCase in UpstreamCorpus.All)
        {
            var utf8 = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(corpusCase.RawBytes));
            foreach (var known in s_known.Append(LeakScanner.Scan(utf8)))
            {
                AssertSameScan(utf8, known, $"{corpusCase.Name}, known {known}");
            }
        }
    }

    private static void AssertSameScan(byte[] utf8, LeakKinds known, string what)
    {
        var text = DecodeText(Encoding.UTF8.GetString(utf8));
        var unescaped = DecodeUtf8(utf8);
        Assert.NotNull(unescaped);
        Assert.True(
            LeakScanner.ScanForMore(text.AsSpan(), known) == LeakScanner.ScanForMore(unescaped.AsSpan(), known),
            $"{what}: leaks {LeakScanner.ScanForMore(text.AsSpan(), known)} as text, {LeakScanner.ScanForMore(unescaped.AsSpan(), known)} as UTF-8");
        Assert.True(
            IntegrityViolationDetector.IsMatch(text.AsSpan()) == IntegrityViolationDetector.IsMatch(unescaped.AsSpan()),
            $"{what}: integrity differs");
    }

    private static string DecodeText(string markup)
    {
        var buffer = new char[markup.Length];
        return new string(buffer, 0, HtmlEntityText.Decode(markup, buffer));
    }

    private static byte[]? DecodeUtf8(byte[] markup)
    {
        var buffer = new byte[markup.Length];
        var written = HtmlEntityUtf8.Decode(markup, buffer);
        return written < 0 ? null : buffer[..written];
    }
}
