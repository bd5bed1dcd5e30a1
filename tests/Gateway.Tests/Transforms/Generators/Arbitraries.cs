using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Gateway.Tests.Transforms.Corpus;
using Gateway.Transforms.Errors;

namespace Gateway.Tests.Transforms.Generators;

/// <summary>The arbitraries the property tests draw from.</summary>
public static class Arbitraries
{
    private static readonly string?[] s_contentTypes =
    [
        null, "", "application/json", "application/problem+json", "text/plain", "text/html", "text/xml",
        "application/xml", "application/soap+xml", "application/octet-stream", "text/html; charset=utf-16",
        "text/plain; charset=iso-8859-1", "application/json; charset=\"utf-8\"", ";;;", "garbage/", "text/html; charset",
    ];

    private static readonly string[] s_fragments =
    [
        "{", "}", "[", "]", ",", ":", "\"", "\"message\":", "\"errors\":", "\"error\":", "\"detail\":", "\"code\":", "\"status\":",
        "\"title\":", "\"type\":", "404", "-1e999", "null", "true", "\\u0000", "\\", "\\ud800", "<", ">", "</", "/>", "<?xml ",
        "<!DOCTYPE x [", "<!ENTITY e SYSTEM \"file:///etc/passwd\">", "]>", "&e;", "&lt;", "&#x0;", "&#99999999;",
        "<![CDATA[", "]]>", "<!--", "-->", "faultstring", "Reason", "Text", "message", "<title>", "<h1>", "\n", "\r",
        "\t", " ", "\u00e9", "\uFFFD", "Student 12 was not found.", "at X.Y() in /app/x.cs:line 1",
        "Violation of PRIMARY KEY constraint", "10.0.0.1", "Server=db;Password=x;", "HTTP Status 404 – ",
    ];

    public static Arbitrary<CleanSentence> CleanSentence() =>
        CleanTextGen.Sentence.Select(s => new CleanSentence(s)).ToArbitrary();

    public static Arbitrary<TraceInText> TraceInText() =>
        (from before in CleanTextGen.Prose
         from trace in StackTraceGen.Trace
         from after in CleanTextGen.Prose
         from separator in Gen.Elements(" ", "\n", "\r\n", ": ", "\n\n")
         select new TraceInText(before + separator + trace + separator + after, trace)).ToArbitrary();

    public static Arbitrary<AnyResponse> AnyResponse() =>
        (from status in Gen.Frequency((8, Gen.Choose(400, 599)), (1, Gen.Choose(-1000, 1000)), (1, Gen.Elements(int.MinValue, int.MaxValue, 0)))
         from contentType in Gen.Elements(s_contentTypes)
         from body in Gen.OneOf(RandomBytes, StructuredGarbage, MutatedCorpusBody)
         from truncated in Gen.Elements(true, false)
         from profile in Gen.Elements(ErrorProfileKind.EdFi, ErrorProfileKind.ProblemDetails)
         select new AnyResponse(status, contentType, body, truncated, profile)).ToArbitrary();

    private static Gen<byte[]> RandomBytes { get; } =
        Gen.Sized(size => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), size * 8));

    private static Gen<byte[]> StructuredGarbage { get; } =
        Gen.Sized(size => Gen.ArrayOf(Gen.Elements(s_fragments), size * 2))
            .Select(parts => Encoding.UTF8.GetBytes(string.Concat(parts)));

    // Real bodies with a few bytes flipped and maybe cut: close to valid, so the parsers go deep before failing.
    private static Gen<byte[]> MutatedCorpusBody { get; } =
        from corpusCase in Gen.Elements(UpstreamCorpus.All.ToArray())
        from flips in Gen.ArrayOf(Gen.Zip(Gen.Choose(0, int.MaxValue), Gen.Choose(0, 255)), 4)
        from keep in Gen.Choose(0, 100)
        select Mutate(corpusCase.RawBytes, flips, keep);

    private static byte[] Mutate(byte[] original, (int Position, int Value)[] flips, int keepPercent)
    {
        var bytes = original.AsSpan(0, original.Length * Math.Max(keepPercent, 1) / 100).ToArray();
        if (bytes.Length > 0)
        {
            foreach (var (position, value) in flips)
            {
                bytes[position % bytes.Length] = (byte)value;
            }
        }

        return bytes;
    }
}
