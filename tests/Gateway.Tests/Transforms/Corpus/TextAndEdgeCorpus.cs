using System.Text;
using Gateway.Transforms.Errors;
using static Gateway.Tests.Transforms.Corpus.CorpusCase;

namespace Gateway.Tests.Transforms.Corpus;

/// <summary>Plain text, lying or missing content types, charsets, binary, compressed and truncated bodies.</summary>
public static class TextAndEdgeCorpus
{
    public static IEnumerable<CorpusCase> Cases()
    {
        yield return Both("text/first-meaningful-line", 400, "text/plain",
            "\n\n---\nValidation failed\nGrade must be between 1 and 12.\n",
            LeakKinds.None, 400, "Validation failed");

        yield return Both("text/reason-phrase-only", 404, "text/plain", "Not Found", LeakKinds.None, 404, Generic.NotFound);

        yield return Both("text/whitespace-only", 400, "text/plain", " \r\n\t ", LeakKinds.None, 400, Generic.BadRequest);

        yield return Both("text/log-line-with-brackets", 404, "text/plain",
            "[ERROR] Student 12 was not found",
            LeakKinds.None, 404, "[ERROR] Student 12 was not found");

        yield return Both("sniff/missing-content-type-json", 404, null,
            """{"message":"Student 12 was not found."}""",
            LeakKinds.None, 404, "Student 12 was not found.");

        yield return Both("sniff/html-declared-json-sent", 409, "text/html",
            """{"message":"The student is already enrolled in this section."}""",
            LeakKinds.None, 409, "The student is already enrolled in this section.");

        yield return Both("sniff/json-declared-html-sent", 404, "application/json",
            "<!DOCTYPE html><html><head><title>Student not found</title></head><body><h1>Student 12 was not found.</h1></body></html>",
            LeakKinds.None, 404, "Student 12 was not found.");

        yield return Both("sniff/json-declared-broken-json", 400, "application/json",
            """{"message": "Grade must be between 1 and 12.", """,
            LeakKinds.None, 400, Generic.BadRequest);

        yield return ServerError("sniff/binary-png", 500, "image/png",
            string.Empty, LeakKinds.None) with
        {
            Bytes = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x08, 0x06, 0x00, 0x00, 0x00],
        };

        // UTF-8 with a damaged byte: the damage becomes U+FFFD, the rest stays UTF-8.
        yield return Both("charset/invalid-utf8-json", 400, "application/json",
            string.Empty, LeakKinds.None, 400, "Grade \uFFFD of élève 12 must be between 1 and 12.") with
        {
            Bytes = [.. "{\"message\":\"Grade "u8, 0xFF, .. " of élève 12 must be between 1 and 12.\"}"u8],
        };

        // No UTF-8 at all under "charset=utf-8" (a servlet writing ISO-8859-1): read as windows-1252, as browsers do.
        yield return Both("charset/latin1-said-utf8-json", 400, "application/json; charset=utf-8",
            string.Empty, LeakKinds.None, 400, "L'élève 12 n'a pas de numéro d'identifiant.") with
        {
            Bytes = System.Text.Encoding.Latin1.GetBytes("{\"message\":\"L'élève 12 n'a pas de numéro d'identifiant.\"}"),
        };

        yield return Both("charset/utf16-bom-json", 404, "application/json; charset=utf-16",
            string.Empty, LeakKinds.None, 404, "Élève 12 introuvable.") with
        {
            Bytes = [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("""{"message":"Élève 12 introuvable."}""")],
        };

        yield return Both("charset/latin1-text", 400, "text/plain; charset=ISO-8859-1",
            string.Empty, LeakKinds.None, 400, "La date de naissance est obligatoire pour l'élève.") with
        {
            Bytes = Encoding.Latin1.GetBytes("La date de naissance est obligatoire pour l'élève."),
        };

        // Legacy code pages, read from the runtime's tables (not as UTF-8, which made them U+FFFD).
        yield return Both("charset/windows-1251-text", 400, "text/plain; charset=windows-1251",
            string.Empty, LeakKinds.None, 400, "Дата рождения обязательна.") with
        {
            Bytes = CodePage(1251, "Дата рождения обязательна."),
        };

        yield return Both("charset/shift-jis-json", 400, "application/json; charset=Shift_JIS",
            string.Empty, LeakKinds.None, 400, "生年月日は必須です。") with
        {
            Bytes = CodePage(932, """{"message":"生年月日は必須です。"}"""),
        };

        yield return Both("charset/gbk-xml", 400, "application/xml; charset=\"GBK\"",
            string.Empty, LeakKinds.None, 400, "出生日期为必填项。") with
        {
            Bytes = CodePage(936, "<error><message>出生日期为必填项。</message></error>"),
        };

        // Browsers read ISO-8859-1 as windows-1252: 0x93 and 0x94 are curly quotes, not control characters.
        yield return Both("charset/latin1-label-windows-1252-quotes", 400, "text/plain; charset=iso-8859-1",
            string.Empty, LeakKinds.None, 400, "The grade \u201Cthirteen\u201D is not between 1 and 12.") with
        {
            Bytes = CodePage(1252, "The grade \u201Cthirteen\u201D is not between 1 and 12."),
        };

        yield return Both("encoding/gzip-json-404", 404, "application/json",
            """{"message":"Section 7 was not found."}""",
            LeakKinds.None, 404, "Section 7 was not found.") with { ContentEncoding = "gzip" };

        yield return ServerError("encoding/brotli-stack-trace", 500, "text/plain",
            "System.InvalidOperationException: Sequence contains no elements\n   at System.Linq.ThrowHelper.ThrowNoElementsException()\n   at Sis.Api.Roster.Load(Int32 sectionId) in /build/src/Sis.Api/Roster.cs:line 19",
            LeakKinds.StackTrace | LeakKinds.ExceptionType | LeakKinds.FilePath) with { ContentEncoding = "br" };

        yield return Both("encoding/deflate-xml-400", 400, "application/xml",
            "<error><message>Term 3 has not started yet.</message></error>",
            LeakKinds.None, 400, "Term 3 has not started yet.") with { ContentEncoding = "deflate" };

        yield return Both("encoding/gzip-label-plain-json", 404, "application/json",
            """{"message":"Section 7 was not found."}""",
            LeakKinds.None, 404, "Section 7 was not found.") with { ContentEncoding = "gzip", EncodingLabelOnly = true };

        yield return Both("wrapped/jsonp-callback", 400, "application/javascript",
            """callback({"error":"Grade must be between 1 and 12."});""",
            LeakKinds.None, 400, "Grade must be between 1 and 12.");

        yield return Both("wrapped/jquery-jsonp-guard", 404, "text/javascript; charset=utf-8",
            """/**/ typeof jQuery1720_99 === 'function' && jQuery1720_99({"status":"error","message":"Section 7 was not found."});""",
            LeakKinds.None, 404, "Section 7 was not found.");

        yield return Both("wrapped/angular-xssi-prefix", 409, "application/json",
            ")]}',\n{\"message\":\"The student is already enrolled in this section.\"}",
            LeakKinds.None, 409, "The student is already enrolled in this section.");

        yield return Both("wrapped/while1-prefix", 400, "application/json",
            """while(1);{"errors":[{"field":"grade","message":"must be between 1 and 12"}]}""",
            LeakKinds.None, 400, "grade: must be between 1 and 12");

        yield return ServerError("wrapped/jsonp-stack-trace", 500, "application/javascript",
            """cb({"message":"Object reference not set to an instance of an object.","stackTrace":"   at Sis.Api.Students.Get(Int32 id) in C:\\build\\Sis.Api\\Students.cs:line 42"});""",
            LeakKinds.StackTrace | LeakKinds.FilePath);

        yield return Both("wrapped/jsonp-clean-message-beside-trace", 404, "application/javascript",
            """cb({"message":"Student 12 was not found.","stackTrace":"   at Sis.Api.Students.Get(Int32 id) in C:\\build\\Sis.Api\\Students.cs:line 42"});""",
            LeakKinds.StackTrace | LeakKinds.FilePath, 404, "Student 12 was not found.");

        yield return Both("wrapped/double-encoded-json", 404, "application/json",
            """
            "{\"message\":\"Student 12 was not found.\"}"
            """,
            LeakKinds.None, 404, "Student 12 was not found.");

        yield return Both("wrapped/double-encoded-validation-list", 400, "application/json",
            """
            "{\"errors\":{\"Grade\":[\"Grade must be between 1 and 12.\"]}}"
            """,
            LeakKinds.None, 400, "Grade: Grade must be between 1 and 12.");

        yield return Both("wrapped/json-string-starting-with-bracket", 400, "application/json",
            """
            "[ERROR] Grade must be between 1 and 12."
            """,
            LeakKinds.None, 400, "[ERROR] Grade must be between 1 and 12.");

        yield return Both("form/oauth-400-invalid-grant", 400, "application/x-www-form-urlencoded",
            "error=invalid_grant&error_description=The+refresh+token+has+expired.&error_uri=https%3A%2F%2Fauth.example.com%2Fdocs",
            LeakKinds.None, 400, "The refresh token has expired.");

        yield return Both("form/paypal-nvp-failure-as-text", 400, "text/plain; charset=utf-8",
            "TIMESTAMP=2026%2d12%2d06T10%3a00%3a00Z&ACK=Failure&L_ERRORCODE0=10002&L_SHORTMESSAGE0=Security%20error&L_LONGMESSAGE0=Security%20header%20is%20not%20valid&L_SEVERITYCODE0=Error",
            LeakKinds.None, 400, "Security header is not valid");

        yield return Both("form/declared-form-without-known-keys-is-generic", 400, "application/x-www-form-urlencoded",
            "status=failed&code=17",
            LeakKinds.None, 400, Generic.BadRequest);

        yield return ServerError("form/trace-in-description", 500, "application/x-www-form-urlencoded",
            "error=server_error&error_description=java.lang.NullPointerException%0A%09at+com.acme.auth.TokenService.issue(TokenService.java%3A88)",
            LeakKinds.StackTrace | LeakKinds.ExceptionType);

        yield return Both("form/declared-form-too-long-is-generic", 400, "application/x-www-form-urlencoded",
            "error=invalid_request&" + string.Join("&", Enumerable.Range(0, 900).Select(i => $"field{i}=value{i}")),
            LeakKinds.None, 400, Generic.BadRequest);

        yield return Both("text/percent-encoded-internal-url-in-message", 400, "application/json",
            """{"message":"Invalid redirect_uri: http%3A%2F%2F10.0.0.5%3A8080%2Fsis%2Fcallback"}""",
            LeakKinds.InternalHost, 400, Generic.BadRequest);

        yield return Both("text/percent-encoded-clean-message", 400, "application/json",
            """{"message":"No student named Ada%20Lovelace; 15% of names are checked."}""",
            LeakKinds.None, 400, "No student named Ada%20Lovelace; 15% of names are checked.");

        yield return Both("form/text-with-equals-is-still-text", 400, "text/plain",
            "Invalid value: grade=13 must be between 1 and 12",
            LeakKinds.None, 400, "Invalid value: grade=13 must be between 1 and 12");

        yield return Both("sniff/json-list-too-deep-with-escaped-sql", 400, "application/json",
            "[" + string.Concat(Enumerable.Repeat("{\"errors\":[", 70)) + "{\"message\":\"near \\u0022SELECT\\u0022: syntax error\"}"
                + string.Concat(Enumerable.Repeat("]}", 70)) + "]",
            LeakKinds.SqlError, 400, Generic.BadRequest);

        yield return Both("text/log-line-with-timestamp", 404, "text/plain",
            "[2026-12-06 10:00:00] Student 12 was not found",
            LeakKinds.None, 404, "[2026-12-06 10:00:00] Student 12 was not found");

        yield return Both("sniff/broken-number-list-is-no-line", 400, "application/json",
            "[12, 13, \"grade must be between 1 and 12\"",
            LeakKinds.None, 400, Generic.BadRequest);

        yield return Both("sniff/broken-json-list-is-no-line", 400, "application/json",
            """[{"message":"Grade must be between 1 and 12.", """,
            LeakKinds.None, 400, Generic.BadRequest);

        yield return Both("truncated/clean-json-prefix", 400, "application/json",
            """{"message":"Grade must be between 1 and 12.","errors":[{"field":"grade","message":"Grade must be""",
            LeakKinds.None, 400, Generic.BadRequest) with { Truncated = true };

        yield return ServerError("truncated/stack-in-prefix", 500, "text/html",
            "<html><head><title>Server Error in '/' Application.</title></head><body><h1>Server Error in '/' Application.</h1><pre>[NullReferenceException: Object reference not set to an instance of an object.]\n   Sis.Web.Global.Application_Error(Object sender, EventArgs e) +212\n",
            LeakKinds.DebugPage | LeakKinds.StackTrace | LeakKinds.ExceptionType) with { Truncated = true };

        yield return Conflict("truncated/integrity-in-prefix", 500, "application/json",
            """{"message":"duplicate key value violates unique constraint \"uq_student_email\"","detail":"Key (email)=(ada@exam""",
            LeakKinds.SqlError) with { Truncated = true };

        yield return Both("empty/404", 404, "application/json", string.Empty, LeakKinds.None, 404, Generic.NotFound);

        yield return Both("empty/401", 401, null, string.Empty, LeakKinds.None, 401, Generic.Unauthorized);

        yield return Both("nesting/deep-json-array", 400, "application/json",
            new string('[', 10_000) + new string(']', 10_000),
            LeakKinds.None, 400, Generic.BadRequest);

        yield return Both("nesting/deep-json-object", 400, "application/json",
            string.Concat(Enumerable.Repeat("{\"a\":", 5_000)) + "1" + new string('}', 5_000),
            LeakKinds.None, 400, Generic.BadRequest);

        yield return Both("nesting/deep-xml", 400, "application/xml",
            string.Concat(Enumerable.Repeat("<a>", 5_000)) + "<message>deep</message>" + string.Concat(Enumerable.Repeat("</a>", 5_000)),
            LeakKinds.None, 400, Generic.BadRequest);

        yield return new("settings/show-5xx-clean-message", 503, "application/json",
            """{"message":"Nightly roster sync is running; try again after 02:00 UTC."}""")
        {
            Settings = new NormalizerSettings { ShowUpstream5xxMessages = true },
            EdFi = new(500, "Nightly roster sync is running; try again after 02:00 UTC."),
            ProblemDetails = new(503, "Nightly roster sync is running; try again after 02:00 UTC."),
        };

        yield return new("settings/show-5xx-still-hides-leaks", 500, "application/json",
            """{"message":"Timeout expired connecting to sql01.corp:1433"}""")
        {
            Leaks = LeakKinds.InternalHost,
            Settings = new NormalizerSettings { ShowUpstream5xxMessages = true },
            EdFi = new(500, Generic.Internal),
            ProblemDetails = new(500, Generic.Internal),
        };

        yield return new("settings/route-status-map", 418, "text/plain", "I'm a teapot and cannot brew coffee.")
        {
            Settings = new NormalizerSettings { StatusMap = new Dictionary<int, int> { [418] = 409 } },
            EdFi = new(409, "I'm a teapot and cannot brew coffee."),
            ProblemDetails = new(409, "I'm a teapot and cannot brew coffee."),
        };
    }

    private static byte[] CodePage(int codePage, string text) => CodePagesEncodingProvider.Instance.GetEncoding(codePage)!.GetBytes(text);
}
