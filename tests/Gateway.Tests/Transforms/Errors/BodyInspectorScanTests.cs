using System.Text;
using Gateway.Tests.Transforms.Corpus;
using Gateway.Tests.Transforms.Extraction;
using Gateway.Transforms.Errors;
using Gateway.Transforms.Extraction;
using Gateway.Transforms.Scrubbing;

namespace Gateway.Tests.Transforms.Errors;

/// <summary>
/// The body's leaks and integrity verdict are what scanning its UTF-16 text gave (the inspector before it scanned
/// UTF-8 and unescaped markup as bytes): the raw text, then its unescaped JSON strings or markup.
/// </summary>
public sealed class BodyInspectorScanTests
{
    private static readonly string[] s_fragments =
    [
        "<html><body><h1>", "</h1>", "<p>", "{\"message\":\"", "\"}", "\\\"", "\\/", "\\u0027", "&amp;", "&lt;", "&quot;", "&#39;", "&nbsp;",
        "é", "中", "😀", "\u00A0", "ſ", "\u212A", "ı", "İ", " ", "\n", "at com.example.Foo.bar(Foo.java:12)", "System.NullReferenceException",
        "   at SisApi.Data.Repository.Query(String sql) in D:\\Builds\\SisApi\\Repository.cs:line 42", "/var/www/html/index.php",
        "Violation of PRIMARY KEY constraint 'PK_Student'", "duplicate key value violates unique constraint &quot;uq&quot;",
        "Violation of", "23505", "ORA-00001", "Server=db01;Database=sis;User Id=sa;Password=x;", "http://10.0.0.12:8080/x",
        "Invalid object name &#39;dbo.Student&#39;.", "Traceback (most recent call last):", "SQLſTATE 23505: ",
    ];

    // Clean text with the integrity violations that are no leak, spelled plainly, escaped and with characters that fold
    // to ASCII letters only in UTF-16: there the integrity verdict alone tells the paths apart.
    private static readonly string[] s_cleanFragments =
    [
        "<html><body><h1>", "</h1>", "{\"message\":\"", "\"}", "\\u0027", "&amp;", "&#39;", "&nbsp;", "é", "中", "😀", "\u00A0", "ſ", "\u212A", "ı",
        "İ", " ", "\n", "The student was not found.", "UniqueViolation", "SQLITE_CONSTRAINT_UNIQUE", "ſQLITE_CONSTRAINT_UNIQUE",
        "Integrity constraint violation: 1062 ", "Integrity constraint violation&#58; 1062 ", "Unique&#86;iolation", "ForeignKeyViolation",
    ];

    private static readonly string?[] s_contentTypes = ["text/html; charset=utf-8", "application/json", "text/plain", "text/xml", null];

    [Fact]
    public void Inspect_CorpusBodies_SameLeaksAndIntegrityAsScanningTheText()
    {
        foreach (var corpusCase in UpstreamCorpus.All)
        {
            AssertSame(corpusCase.RawBytes, corpusCase.ContentType, corpusCase.Name);
        }
    }

    [Fact]
    public void Inspect_RandomBodies_SameLeaksAndIntegrityAsScanningTheText()
    {
        var random = new Random(20261206);
        for (var i = 0; i < 3000; i++)
        {
            var body = Fragments.Join(random, s_fragments, 30);
            var contentType = s_contentTypes[random.Next(s_contentTypes.Length)];
            AssertSame(Encoding.UTF8.GetBytes(body), contentType, $"body {i} ({contentType}): «{body}»");
        }
    }

    [Fact]
    public void Inspect_RandomCleanBodies_SameLeaksAndIntegrityAsScanningTheText()
    {
        var random = new Random(5);
        var violations = 0;
        for (var i = 0; i < 3000; i++)
        {
            var body = Fragments.Join(random, s_cleanFragments, 12);
            var contentType = s_contentTypes[random.Next(s_contentTypes.Length)];
            violations += AssertSame(Encoding.UTF8.GetBytes(body), contentType, $"body {i} ({contentType}): «{body}»") ? 1 : 0;
        }

        Assert.True(violations > 100, $"only {violations} bodies with a violation");
    }

    private static bool AssertSame(byte[] body, string? contentType, string what)
    {
        var media = MediaType.Parse(contentType);
        var (leaks, integrity) = ScanAsText(body, media);
        var inspection = BodyInspector.Inspect(500, body, media, truncated: false);
        Assert.True(leaks == inspection.Leaks, $"{what}: leaks {inspection.Leaks}, scanning the text {leaks}");
        Assert.True(integrity == inspection.IntegrityViolation, $"{what}: integrity {inspection.IntegrityViolation}, scanning the text {integrity}");
        return integrity;
    }

    // The inspector's scans as they were: UTF-16 for all but ASCII, entities and JSON escapes decoded to characters.
    private static (LeakKinds Leaks, bool Integrity) ScanAsText(byte[] body, MediaType media)
    {
        var decoded = BodyDecoder.Decode(body, media.Charset);
        try
        {
            var utf8 = decoded.Utf8.ToArray();
            var isAscii = decoded.IsAscii;
            var text = decoded.All().ToString();
            var format = FormatSniffer.Sniff(text, media);
            var ascii = isAscii ? utf8 : [];
            var leaks = isAscii ? LeakScanner.Scan(ascii.AsSpan(), out var marker) : LeakScanner.Scan(text.AsSpan(), out marker);
            var integrity = marker && IntegrityViolationDetector.IsMatchAroundMarkers(text, ascii);
            var json = format == BodyFormat.Json && utf8.Contains((byte)'\\');
            if (json || (format is BodyFormat.Html or BodyFormat.Xml && utf8.Contains((byte)'&')))
            {
                var buffer = new char[Math.Max(utf8.Length, text.Length)];
                var unescaped = buffer.AsSpan(0, json ? JsonStringCollector.Collect(utf8, buffer) : HtmlEntityText.Decode(text, buffer));
                leaks = LeakScanner.ScanForMore(unescaped, leaks);
                integrity |= IntegrityViolationDetector.IsMatch(unescaped);
            }

            return (leaks, integrity);
        }
        finally
        {
            decoded.Dispose();
        }
    }
}
