using System.Net;
using System.Text;
using Gateway.Tests.Transforms.Corpus;
using Gateway.Transforms.Errors;

namespace Gateway.Tests.Transforms.Errors;

public class ErrorNormalizerTests
{
    public static TheoryData<string> Clean() => [.. CleanMessages.All];

    [Theory]
    [MemberData(nameof(Clean))]
    public void Normalize_CleanMessageOn4xxInJsonTextAndXml_KeepsItVerbatim(string message)
    {
        var json = Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new { message }));
        var xml = Encoding.UTF8.GetBytes($"<error><message>{WebUtility.HtmlEncode(message)}</message></error>");
        var text = Encoding.UTF8.GetBytes(message + "\n");

        Assert.Equal(message, Normalize(404, "application/json", json).Message);
        Assert.Equal(message, Normalize(422, "application/xml", xml, ErrorProfile.ProblemDetails).Message);
        Assert.Equal(message, Normalize(409, "text/plain", text).Message);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public void Normalize_Clean5xxMessageByDefault_UsesGenericMessageForFinalStatus(int status)
    {
        var verdict = Normalize(status, "application/json", """{"message":"Roster sync is running."}""");

        Assert.Equal(500, verdict.Status);
        Assert.Equal(Generic.Internal, verdict.Message);
        Assert.Equal(LeakKinds.None, verdict.Leaks);
    }

    [Theory]
    [InlineData("Validation failed:\n- name is required\n- grade must be between 1 and 12\n", "Validation failed: name is required; grade must be between 1 and 12")]
    [InlineData("The request has 2 errors:\r\n\r\n  1. Name is required.\r\n  2) Grade is out of range.\r\n\r\nSee the docs.", "The request has 2 errors: Name is required.; Grade is out of range.")]
    [InlineData("Invalid fields:\n* email \u2013 not an address\n\u2022 age: must be positive\nContact support.", "Invalid fields: email \u2013 not an address; age: must be positive")]
    [InlineData("Validation failed:\nname is required", "Validation failed: name is required")]
    [InlineData("The request content was malformed:\nObject is missing required member 'lastName'\nmore", "The request content was malformed: Object is missing required member 'lastName'")]
    [InlineData("Validation failed:", "Validation failed:")]
    [InlineData("Grade is invalid: expected 1-12\n- ignored", "Grade is invalid: expected 1-12")]
    public void Normalize_TextHeadingWithAList_ItemsJoinedToIt(string body, string expected)
    {
        var verdict = Normalize(400, "text/plain; charset=utf-8", body);

        Assert.Equal(400, verdict.Status);
        Assert.Equal(expected, verdict.Message);
    }

    // A nested map is a serializer's field errors only when it holds lists; a scalar or an object there is data.
    [Theory]
    [InlineData("{\"error\":\"Bad Request\",\"meta\":{\"traceId\":\"0HMVD8\"}}", Generic.BadRequest)]
    [InlineData("{\"message\":\"Bad Request\",\"data\":{\"id\":\"12\",\"name\":\"x\"}}", Generic.BadRequest)]
    [InlineData("{\"status\":400,\"request\":{\"path\":\"/api/x\",\"method\":\"GET\"},\"meta\":{\"a\":{\"b\":[\"c\"]}}}", Generic.BadRequest)]
    [InlineData("{\"address\":{\"zip_code\":[\"Enter a valid ZIP code.\"],\"note\":\"n/a\"}}", "address.zip_code: Enter a valid ZIP code.")]
    public void Normalize_NestedJsonObject_OnlyItsListsAreFieldErrors(string body, string expected)
    {
        var verdict = Normalize(400, "application/json", body);

        Assert.Equal(400, verdict.Status);
        Assert.Equal(expected, verdict.Message);
    }

    // Text that is not ASCII is searched as UTF-8 bytes while it looks clean; what it holds must still be found.
    [Theory]
    [InlineData("Élève introuvable : la requête a échoué.\nERROR: duplicate key value violates unique constraint \"eleves_pkey\"", 409, LeakKinds.SqlError)]
    [InlineData("<html><body><h1>Erreur côté serveur</h1><pre>at Écoles.Inscriptions.Save() in C:\\src\\Écoles\\Inscriptions.cs:line 42</pre></body></html>", 500, LeakKinds.StackTrace)]
    [InlineData("Ошибка: élève 12 — aucune donnée.", 500, LeakKinds.None)]
    public void Normalize_NonAsciiBody_LeaksAndIntegrityViolationsFound(string body, int status, LeakKinds leak)
    {
        var verdict = Normalize(500, body.StartsWith('<') ? "text/html; charset=utf-8" : "text/plain; charset=utf-8", body);

        Assert.Equal(status, verdict.Status);
        Assert.True(leak == LeakKinds.None ? verdict.Leaks == LeakKinds.None : verdict.Leaks.HasFlag(leak), verdict.Leaks.ToString());
    }

    [Fact]
    public void Normalize_TextListItemWithALeak_GenericMessage()
    {
        var verdict = Normalize(400, "text/plain", "Validation failed:\n- name is required\n- at com.acme.Students.save(Students.java:88)\n");

        Assert.Equal(Generic.BadRequest, verdict.Message);
        Assert.True(verdict.Leaks.HasFlag(LeakKinds.StackTrace));
    }

    // A 4xx mapped to another 4xx keeps its own status's text when the upstream gave no usable message.
    [Theory]
    [InlineData(405, "The request method is not supported for this resource.")]
    [InlineData(413, "The request body is too large.")]
    [InlineData(415, "The request content type is not supported.")]
    [InlineData(431, "The request headers are too large.")]
    [InlineData(418, "The request is not valid.")]
    public void Normalize_Unmapped4xxWithoutMessage_GenericTextOfTheUpstreamStatus(int status, string expected)
    {
        var verdict = Normalize(status, "text/html", "<html><body><p>at Acme.Web.Filters.Run() in C:\\build\\Filters.cs:line 9</p></body></html>");

        Assert.Equal(400, verdict.Status);
        Assert.Equal(expected, verdict.Message);
    }

    [Fact]
    public void Normalize_5xxMappedTo4xxByRoute_StillHidesTheServerMessage()
    {
        var settings = new NormalizerSettings { StatusMap = new Dictionary<int, int> { [501] = 400 } };

        var verdict = ErrorNormalizer.Normalize(501, "text/plain", "PATCH is not implemented yet."u8, false, ErrorProfile.EdFi, settings);

        Assert.Equal(new ErrorVerdict(400, Generic.BadRequest, LeakKinds.None, false, false), verdict);
    }

    [Fact]
    public void Normalize_4xxMappedTo5xxByRoute_HidesTheMessage()
    {
        var settings = new NormalizerSettings { StatusMap = new Dictionary<int, int> { [404] = 502 } };

        var verdict = ErrorNormalizer.Normalize(404, "application/json", """{"message":"Student 12 was not found."}"""u8, false, ErrorProfile.EdFi, settings);

        Assert.Equal(new ErrorVerdict(502, Generic.BadGateway, LeakKinds.None, false, false), verdict);
    }

    // A hidden 5xx message is read only where the body's scans cannot see what it says: here percent-encoding.
    [Theory]
    [InlineData("application/json", """{"message":"Callback failed: http%3A%2F%2F10.0.0.5%3A8080%2Fsis%2Fcb"}""")]
    [InlineData("text/html", "<html><head><title>Callback failed: http%3A%2F%2F10.0.0.5%3A8080%2Fsis</title></head></html>")]
    [InlineData("text/plain", "Callback failed: http%3A%2F%2F10.0.0.5%3A8080%2Fsis%2Fcb")]
    public void Normalize_Hidden5xxMessage_StillReportsWhatOnlyItsDecodedTextShows(string contentType, string body)
    {
        var verdict = Normalize(500, contentType, body);

        Assert.Equal(new ErrorVerdict(500, Generic.Internal, LeakKinds.InternalHost, false, false), verdict);
    }

    [Fact]
    public void Normalize_IntegrityViolationWithRouteMap_MapsTheConflictStatus()
    {
        var settings = new NormalizerSettings { StatusMap = new Dictionary<int, int> { [409] = 400 } };

        var verdict = ErrorNormalizer.Normalize(500, "text/plain", "ORA-00001: unique constraint (SIS.UK) violated"u8, false, ErrorProfile.EdFi, settings);

        Assert.Equal(new ErrorVerdict(400, ErrorNormalizer.IntegrityViolationMessage, LeakKinds.SqlError, false, true), verdict);
    }

    [Fact]
    public void Normalize_IntegrityTextOn2xx_IsNotAConflict()
    {
        var verdict = Normalize(200, "text/plain", "Duplicate entry 'x' for key 'email'");

        Assert.False(verdict.IntegrityViolation);
        Assert.Equal(200, verdict.Status);
    }

    [Fact]
    public void Normalize_TruncatedConformingBody_NeverPassesThrough()
    {
        var verdict = ErrorNormalizer.Normalize(409, "application/json", """{"code":409,"type":"Conflict","message":"Already enrolled."}"""u8, true, ErrorProfile.EdFi, NormalizerSettings.Default);

        Assert.Equal(new ErrorVerdict(409, Generic.Conflict, LeakKinds.None, false, false), verdict);
    }

    [Fact]
    public void Normalize_ConformingBodyRemappedByRoute_DoesNotPassThrough()
    {
        var settings = new NormalizerSettings { StatusMap = new Dictionary<int, int> { [409] = 400 } };

        var verdict = ErrorNormalizer.Normalize(409, "application/json", """{"code":409,"type":"Conflict","message":"Already enrolled."}"""u8, false, ErrorProfile.EdFi, settings);

        Assert.Equal(new ErrorVerdict(400, "Already enrolled.", LeakKinds.None, false, false), verdict);
    }

    [Fact]
    public void Normalize_ConformingBodyWithLeakInExtraField_DoesNotPassThrough()
    {
        var verdict = Normalize(400, "application/json", """{"code":400,"type":"Bad Request","message":"Grade is invalid.","debug":"at Sis.Grades.Validate() in /src/Grades.cs:line 9"}""");

        Assert.Equal("Grade is invalid.", verdict.Message);
        Assert.False(verdict.PassThrough);
        Assert.Equal(LeakKinds.StackTrace | LeakKinds.FilePath, verdict.Leaks);
    }

    // The profile's content type is part of the shape: the same body is rewritten, its message kept.
    [Fact]
    public void Normalize_ProblemDetailsShapeAsApplicationJson_RewrittenWithItsMessage()
    {
        var verdict = Normalize(404, "application/json", """{"title":"Not Found","status":404,"detail":"Student 12 was not found."}""", ErrorProfile.ProblemDetails);

        Assert.False(verdict.PassThrough);
        Assert.Equal("Student 12 was not found.", verdict.Message);
    }

    // type/title is the status's reason phrase: one naming another status, or the problem, is no conforming payload.
    [Theory]
    [InlineData("application/json", """{"code":400,"type":"Conflict","message":"Grade is invalid."}""", "EdFi", false)]
    [InlineData("application/json", """{"code":400,"type":"bad request","message":"Grade is invalid."}""", "EdFi", false)]
    [InlineData("text/json", """{"code":400,"type":"Bad Request","message":"Grade is invalid."}""", "EdFi", false)]
    [InlineData("application/problem+json", """{"type":"about:blank","title":"Conflict","status":400,"detail":"Grade is invalid."}""", "ProblemDetails", false)]
    [InlineData("application/problem+json", """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"One or more validation errors occurred.","status":400,"errors":{"grade":["Grade is invalid."]}}""", "ProblemDetails", false)]
    [InlineData("application/problem+json", """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"Bad Request","status":400,"detail":"Grade is invalid.","errors":{"grade":["Grade is invalid."]}}""", "ProblemDetails", true)]
    public void Normalize_ReasonPhraseAndContentType_DecidePassThrough(string contentType, string body, string profile, bool passes)
    {
        var verdict = Normalize(400, contentType, body, profile == "EdFi" ? ErrorProfile.EdFi : ErrorProfile.ProblemDetails);

        Assert.Equal(passes, verdict.PassThrough);
    }

    // What passes goes to the client byte for byte, so it must be one document every parser reads alike: the message
    // reader's leniency (comments, trailing commas, the first of two members) must not let another one through.
    [Theory]
    [InlineData("""{"code":400,"type":"Bad Request","message":"Grade is invalid."}""", "EdFi", true)]
    [InlineData(""" {"code":400,"type":"Bad Request","message":"Grade is invalid.","extra":{"a":[1,2]}}""" + "\n", "EdFi", true)]
    [InlineData("""{"code":400,"type":"Bad Request","message":"Grade is invalid.",}""", "EdFi", false)]
    [InlineData("""{"code":400,/* x */"type":"Bad Request","message":"Grade is invalid."}""", "EdFi", false)]
    [InlineData("""{"code":400,"type":"Bad Request","message":"Grade is invalid.","code":500}""", "EdFi", false)]
    [InlineData("""{"code":400,"type":"Bad Request","message":"Grade is invalid.","\u0074ype":"Conflict"}""", "EdFi", false)]
    [InlineData("\uFEFF" + """{"code":400,"type":"Bad Request","message":"Grade is invalid."}""", "EdFi", false)]
    [InlineData("""{"type":"about:blank","title":"Bad Request","status":400,"detail":"Grade is invalid.","errors":{"grade":["x"]}}""", "ProblemDetails", true)]
    [InlineData("""{"type":"about:blank","title":"Bad Request","status":400,"detail":"Grade is invalid.","status":500}""", "ProblemDetails", false)]
    [InlineData("""{"type":"about:blank","title":"Bad Request","status":400,"detail":5}""", "ProblemDetails", false)]
    [InlineData("""{"type":5,"title":"Bad Request","status":400,"detail":"Grade is invalid."}""", "ProblemDetails", false)]
    [InlineData("""{"type":"about:blank","title":"Bad Request","status":400,"detail":"Grade is invalid.","instance":null}""", "ProblemDetails", false)]
    [InlineData("""{"type":"about:blank","title":" ","status":400,"detail":"Grade is invalid."}""", "ProblemDetails", false)]
    [InlineData("""{"code":400,"type":"Bad Request","message":"Grade is invalid.","exception":"Grade out of range"}""", "EdFi", false)]
    [InlineData("""{"code":400,"type":"Bad Request","message":"Grade is invalid.","meta":{"debug":{"handler":"GradeController@store"}}}""", "EdFi", false)]
    [InlineData("""{"code":400,"type":"Bad Request","message":"Grade is invalid.","innerException":null}""", "EdFi", true)]
    [InlineData("""{"type":"about:blank","title":"Bad Request","status":400,"detail":"Grade is invalid.","trace":[{"line":42}]}""", "ProblemDetails", false)]
    [InlineData("""{"type":"about:blank","title":"Bad Request","status":400,"detail":"Grade is invalid.","traceId":"00-4bf92f35-01"}""", "ProblemDetails", true)]
    public void Normalize_OnlyStrictJson_PassesThrough(string body, string profile, bool passes)
    {
        var problem = profile == "ProblemDetails";
        var verdict = Normalize(400, problem ? "application/problem+json" : "application/json", body, problem ? ErrorProfile.ProblemDetails : ErrorProfile.EdFi);

        Assert.Equal(passes, verdict.PassThrough);
        Assert.Equal(400, verdict.Status);
    }

    [Fact]
    public void Normalize_ConformingBodyWithInvalidUtf8_DoesNotPassThrough()
    {
        byte[] body = [.. """{"code":400,"type":"Bad Request","message":"Grade is invalid.","x":" """u8, 0xFF, (byte)'"', (byte)'}'];

        var verdict = ErrorNormalizer.Normalize(400, "application/json", body, false, ErrorProfile.EdFi, NormalizerSettings.Default);

        Assert.False(verdict.PassThrough);
        Assert.Equal("Grade is invalid.", verdict.Message);
    }

    [Fact]
    public void Normalize_EdFiShapeWithTypeAsNumber_DoesNotPassThrough()
    {
        Assert.False(Normalize(400, "application/json", """{"code":400,"type":1,"message":"Grade is invalid."}""").PassThrough);
    }

    [Theory]
    [InlineData("HTTP Status 404 – Student 12 was not found", "Student 12 was not found")]
    [InlineData("404 - Student 12 was not found.", "Student 12 was not found.")]
    [InlineData("HTTP Error 404.0 - Student 12 was not found.", "Student 12 was not found.")]
    [InlineData("4040 students were not found.", "4040 students were not found.")]
    [InlineData("404", Generic.NotFound)]
    [InlineData("Error", Generic.NotFound)]
    [InlineData("null", Generic.NotFound)]
    [InlineData("Not found.", Generic.NotFound)]
    [InlineData("  Student\t12   was \u00A0 not found.  ", "Student 12 was not found.")]
    [InlineData("Student\u200B 12\u202E was not found.", "Student 12 was not found.")]
    public void Normalize_TextMessage_IsCleanedAndStrippedOfStatusPrefix(string body, string expected)
    {
        Assert.Equal(expected, Normalize(404, "text/plain", body).Message);
    }

    [Fact]
    public void Normalize_LongMessageWithoutSpaces_IsCutHardAt300Characters()
    {
        var verdict = Normalize(400, "text/plain", new string('x', 1_000));

        Assert.Equal(new string('x', 299) + "…", verdict.Message);
    }

    // Cutting to 300 characters must not cut a leak down to a fragment the scanner no longer recognises.
    [Fact]
    public void Normalize_LeakJustPastTheLengthLimit_IsStillCaught()
    {
        var message = new string('a', 280) + " at Sis.Roster.Load(Int32 id) in /src/Sis/Roster.cs:line 12";

        var verdict = Normalize(400, "application/json", System.Text.Json.JsonSerializer.Serialize(new { message }));

        Assert.Equal(Generic.BadRequest, verdict.Message);
        Assert.Equal(LeakKinds.StackTrace | LeakKinds.FilePath, verdict.Leaks);
    }

    [Fact]
    public void Normalize_ValidationListLongerThanTenItems_KeepsTheFirstTen()
    {
        var errors = string.Join(',', Enumerable.Range(1, 15).Select(i => $$"""{"field":"f{{i}}","message":"m{{i}}"}"""));

        var verdict = Normalize(400, "application/json", $$"""{"errors":[{{errors}}]}""");

        Assert.Equal(string.Join("; ", Enumerable.Range(1, 10).Select(i => $"f{i}: m{i}")), verdict.Message);
    }

    [Theory]
    [InlineData("""{"errors":[{"memberNames":["LastName"],"errorMessage":"Required."}]}""", "LastName: Required.")]
    [InlineData("""{"errors":[{"loc":["body","grade"],"msg":"Too high"}]}""", "grade: Too high")]
    [InlineData("""{"errors":{"":["The body is empty."]}}""", "The body is empty.")]
    [InlineData("""{"errors":{"$":["The JSON is invalid."]}}""", "The JSON is invalid.")]
    [InlineData("""{"violations":[{"field":"grade","message":"must be at most 12"}]}""", "grade: must be at most 12")]
    [InlineData("""{"base":["Enrollment is closed."]}""", "Enrollment is closed.")]
    [InlineData("""{"error":{"message":"Section closed.","innererror":{"trace":"x"}}}""", "Section closed.")]
    [InlineData("""{"message":"Section closed.",}""", "Section closed.")]
    [InlineData("""{"message":"Section closed." /* legacy comment */}""", "Section closed.")]
    public void Normalize_JsonShapes_ReadTheMessage(string body, string expected)
    {
        Assert.Equal(expected, Normalize(400, "application/json", body).Message);
    }

    // The sniffer and the text reader decode only the start of a body; white space longer than that start, in front of
    // a text that looks like JSON but is not, must still be read past.
    [Theory]
    [InlineData(" ")]
    [InlineData("\u00A0")]
    [InlineData("\u3000")]
    public void Normalize_LongLeadingWhiteSpaceBeforeBracketedText_ReadsTheLine(string space)
    {
        var padded = Normalize(404, "text/plain", string.Concat(Enumerable.Repeat(space, 7000)) + "[ERROR] Student 12 was not found\nmore");

        Assert.Equal("[ERROR] Student 12 was not found", padded.Message);
        Assert.Equal(Normalize(404, "text/plain", "[ERROR] Student 12 was not found\nmore"), padded);
    }

    // The headline is found as bytes and only its content decoded: tags in any case, non-ASCII text, a large page.
    [Theory]
    [InlineData("<H1>Élève introuvable</H1>", "Élève introuvable")]
    [InlineData("<TITLE>Schüler nicht gefunden</TITLE><h1>Not Found</h1>", "Schüler nicht gefunden")]
    [InlineData("<h1>Not Found</h1><h2 class=x>学生が見つかりません</h2>", "学生が見つかりません")]
    public void Normalize_HtmlHeadline_ReadFromTheBytes(string headline, string expected)
    {
        var page = "<!DOCTYPE html><html><body>" + headline + string.Concat(Enumerable.Repeat("<p>filler é</p>\n", 20000)) + "</body></html>";

        Assert.Equal(expected, Normalize(404, "text/html; charset=utf-8", page).Message);
    }

    // A headline that names only the status ("Reason (NNN)", "Bad Message NNN", "Error NNNN") gives way to the next candidate.
    [Theory]
    [InlineData(403, "<h1>Forbidden <span>(403)</span></h1>\n<p>CSRF verification failed. Request aborted.</p>", "CSRF verification failed. Request aborted.")]
    [InlineData(400, "<title>Bad Request (400)</title><h1>Bad Request (400)</h1><p></p>", Generic.BadRequest)]
    [InlineData(403, "<h1><span>Error</span> <span>1020</span></h1><h2>Access denied</h2>", "Access denied")]
    [InlineData(400, "<h1>Bad Message 400</h1><pre>reason: Illegal character CNTL=0x0</pre>", "Illegal character CNTL=0x0")]
    [InlineData(400, "<title>Error 400 Bad Message 400</title><h2>HTTP ERROR 400 Bad Message 400</h2>", Generic.BadRequest)]
    public void Normalize_HtmlHeadlineThatIsOnlyAStatus_NextCandidateUsed(int status, string page, string expected)
    {
        Assert.Equal(expected, Normalize(status, "text/html; charset=utf-8", page).Message);
    }

    [Fact]
    public void Normalize_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => ErrorNormalizer.Normalize(500, null, [], false, null!, NormalizerSettings.Default));
        Assert.Throws<ArgumentNullException>(() => ErrorNormalizer.Normalize(500, null, [], false, ErrorProfile.EdFi, null!));
    }

    [Fact]
    public void Normalize_SameInputTwice_GivesTheSameVerdict()
    {
        var body = Encoding.UTF8.GetBytes(UpstreamCorpus.Get("dotnet/yellow-screen-sql").Body);

        Assert.Equal(
            ErrorNormalizer.Normalize(500, "text/html", body, false, ErrorProfile.ProblemDetails, NormalizerSettings.Default),
            ErrorNormalizer.Normalize(500, "text/html", body, false, ErrorProfile.ProblemDetails, NormalizerSettings.Default));
    }

    private static ErrorVerdict Normalize(int status, string? contentType, string body, ErrorProfile? profile = null) =>
        Normalize(status, contentType, Encoding.UTF8.GetBytes(body), profile);

    private static ErrorVerdict Normalize(int status, string? contentType, byte[] body, ErrorProfile? profile = null) =>
        ErrorNormalizer.Normalize(status, contentType, body, false, profile ?? ErrorProfile.EdFi, NormalizerSettings.Default);
}
