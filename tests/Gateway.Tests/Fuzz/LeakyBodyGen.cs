using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Gateway.Tests.Transforms.Compression;
using Gateway.Tests.Transforms.Corpus;
using Gateway.Tests.Transforms.Generators;
using Gateway.Transforms.Errors;

namespace Gateway.Tests.Fuzz;

/// <summary>
/// Upstream error bodies that hide a leak (a stack trace of any runtime, SQL and driver errors, paths, connection
/// strings, internal hosts, exception names) inside random JSON, HTML, XML/SOAP or text, nested, with clean text
/// around it, under random content types, charsets, BOMs, invalid UTF-8 and content codings.
/// </summary>
public static class LeakyBodyGen
{
    private static readonly string[] s_keys =
        ["message", "error", "errors", "detail", "title", "error_description", "data", "inner", "debug", "info", "x", "Message", "exception"];

    private static readonly string?[] s_otherTypes =
        [null, "", "application/json", "application/problem+json", "text/plain", "text/html", "application/xml", "text/xml",
         "application/soap+xml", "application/octet-stream", "text/html; charset=utf-16", "application/json; charset=utf-16",
         "text/plain; charset=iso-8859-1", "application/json; charset=\"utf-8\"", "garbage/", ";;", "text/plain; charset=bogus"];

    // Relaxed escaping leaves <, >, ' and + as they are, as many upstream serializers do; the default escapes them.
    private static readonly JsonSerializerOptions s_relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly byte[][] s_badBytes = [[0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xFE, 0xFF], [0x00], [0xE2, 0x82]];

    public static Arbitrary<LeakyBody> Bodies() =>
        (from leak in Leak
         from shape in Gen.Elements("json", "conforming", "html", "soap", "xml", "text")
         from body in Container(shape, leak)
         from charset in Gen.Frequency((6, Gen.Constant("utf-8")), (1, Gen.Constant("utf-8-bom")), (1, Gen.Constant("utf-16")), (2, Gen.Constant("bad-utf-8")))
         from badBytes in Gen.Elements(s_badBytes)
         from rightType in Gen.Frequency((3, Gen.Constant(true)), (2, Gen.Constant(false)))
         from otherType in Gen.Elements(s_otherTypes)
         from coding in Gen.Frequency((5, Gen.Constant<string?>(null)), (1, Gen.Elements<string?>("gzip", "deflate", "br")))
         from status in Gen.Frequency((6, Gen.Choose(400, 599)), (1, Gen.Elements(400, 404, 409, 422, 500, 502, 503)))
         from profile in Gen.Elements(ErrorProfileKind.EdFi, ErrorProfileKind.ProblemDetails)
         let bytes = Encode(body.Prefix, body.Middle, body.Suffix, charset, badBytes)
         select new LeakyBody(
             status,
             rightType ? TypeFor(shape, charset) : otherType,
             coding,
             coding is null ? bytes : Codec.Encode(coding, bytes),
             leak,
             $"{shape}/{charset}",
             profile)).ToArbitrary();

    private static Gen<string> Leak { get; } = Gen.Frequency(
        (3, Gen.Elements(LeakSamples.All.Select(s => s.Text).ToArray())),
        (2, StackTraceGen.Trace));

    // The body is prefix + middle + suffix; the leak is in the middle, so bad bytes go only into prefix and suffix.
    private static Gen<(string Prefix, string Middle, string Suffix)> Container(string shape, string leak) => shape switch
    {
        "json" => from depth in Gen.Frequency((6, Gen.Choose(0, 12)), (1, Gen.Choose(13, 300)))
                  from keys in Gen.ArrayOf(Gen.Elements(s_keys), depth + 1)
                  from arrays in Gen.ArrayOf(Gen.Elements(true, false), depth)
                  from relaxed in Gen.Elements(true, false)
                  from around in CleanTextGen.Sentence
                  select Nest(keys, arrays, JsonString(leak, relaxed), JsonString(around, relaxed)),
        "conforming" => from key in Gen.Elements("message", "detail", "title", "extra", "errors", "debug", "trace")
                        from relaxed in Gen.Elements(true, false)
                        select ("{\"code\":500,\"type\":\"Internal Server Error\",\"status\":500,\"title\":\"Internal Server Error\",\"",
                            $"{key}\":{(key == "errors" ? "[" + JsonString(leak, relaxed) + "]" : JsonString(leak, relaxed))}",
                            "}"),
        "html" => from title in CleanTextGen.Sentence
                  from encode in Gen.Elements(true, false)
                  from tag in Gen.Elements("title", "h1", "pre", "p", "code", "td")
                  select ($"<!DOCTYPE html><html><head><title>{title}</title></head><body><h2>{title}</h2><{tag}>",
                      encode ? WebUtility.HtmlEncode(leak) : leak,
                      $"</{tag}></body></html>"),
        "soap" => from element in Gen.Elements("faultstring", "detail", "Text", "Reason")
                  select ("<?xml version=\"1.0\"?><soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><soap:Fault><faultcode>soap:Server</faultcode><"
                      + element + ">", WebUtility.HtmlEncode(leak), $"</{element}></soap:Fault></soap:Body></soap:Envelope>"),
        "xml" => from cdata in Gen.Elements(true, false)
                 select ("<?xml version=\"1.0\" encoding=\"utf-8\"?><error><code>E1</code><message>",
                     cdata ? $"<![CDATA[{leak.Replace("]]>", "", StringComparison.Ordinal)}]]>" : WebUtility.HtmlEncode(leak), "</message></error>"),
        _ => from before in CleanTextGen.Prose
             from after in CleanTextGen.Prose
             from separator in Gen.Elements("\n", "\r\n", "\n\n") // own line: some markers are line-anchored by design (Go "panic:")
             select (before + separator, leak, separator + after),
    };

    private static (string, string, string) Nest(string[] keys, bool[] arrays, string leakJson, string cleanJson)
    {
        var prefix = new StringBuilder();
        var suffix = new StringBuilder();
        for (var i = 0; i < arrays.Length; i++)
        {
            prefix.Append(arrays[i] ? "[" : $"{{\"{keys[i]}\":");
            suffix.Insert(0, arrays[i] ? "]" : "}");
        }

        prefix.Append($"{{\"title\":{cleanJson},\"{keys[^1]}\":");
        suffix.Insert(0, "}");
        return (prefix.ToString(), leakJson, suffix.ToString());
    }

    private static string JsonString(string text, bool relaxed) =>
        JsonSerializer.Serialize(text, relaxed ? s_relaxed : JsonSerializerOptions.Default);

    private static byte[] Encode(string prefix, string middle, string suffix, string charset, byte[] badBytes) => charset switch
    {
        "utf-8-bom" => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(prefix + middle + suffix)],
        "utf-16" => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(prefix + middle + suffix)).ToArray(),
        // A space keeps the leak a word of its own: glued to the bad bytes it would read as part of another word.
        // Not before the first character (a body that starts with junk is read as text) nor on the leak's line before it
        // (line-anchored markers such as Go's "panic:" then do not match): see FuzzCorpus/README.md.
        "bad-utf-8" => [.. Encoding.UTF8.GetBytes(prefix[..1]), .. badBytes, (byte)'\n', .. Encoding.UTF8.GetBytes(prefix[1..] + middle), (byte)' ', .. badBytes, .. Encoding.UTF8.GetBytes(suffix)],
        _ => Encoding.UTF8.GetBytes(prefix + middle + suffix),
    };

    private static string TypeFor(string shape, string charset)
    {
        var media = shape switch
        {
            "json" or "conforming" => "application/json",
            "html" => "text/html",
            "soap" => "text/xml",
            "xml" => "application/xml",
            _ => "text/plain",
        };
        return charset == "utf-16" ? media + "; charset=utf-16" : media;
    }
}
