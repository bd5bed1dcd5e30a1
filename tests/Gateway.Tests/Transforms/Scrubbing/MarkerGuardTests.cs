using System.Text;
using Gateway.Transforms.Errors;
using Gateway.Transforms.Scrubbing;

namespace Gateway.Tests.Transforms.Scrubbing;

/// <summary>
/// Marker guards refute markers in clean text but never a leak: the scanner agrees with
/// <see cref="ReferenceScanner"/>, which has no guards, on texts made to sit on each guard's edge.
/// </summary>
public class MarkerGuardTests
{
    public static TheoryData<string, LeakKinds> Cases() => new()
    {
        // "://": public URLs are clean; database schemes, credentials and single-label hosts are not.
        { """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"Bad"}""", LeakKinds.None },
        { "see https://example.com/a and ftp://files.example.org", LeakKinds.None },
        { "cannot reach postgres://db.example.com/app", LeakKinds.ConnectionString },
        { "POSTGRESQL://db.example.com/app", LeakKinds.ConnectionString },
        { "proxy https://svc:s3cret@example.com/x", LeakKinds.ConnectionString },
        { "call http://roster-service/api failed", LeakKinds.InternalHost },
        { "call grpc://enrollment:50051", LeakKinds.InternalHost },
        { "ends with http://roster", LeakKinds.InternalHost },
        { "not a host: http://roster:x", LeakKinds.None },

        // "error"/"exception": English words are clean; type names are not.
        { "One or more validation errors occurred. Error: bad input. Exception handling is off.", LeakKinds.None },
        { "TypeError: x is undefined", LeakKinds.ExceptionType },
        { "threw $Error here", LeakKinds.None },
        { "my_Error", LeakKinds.None },
        { "java.lang.IllegalStateException", LeakKinds.ExceptionType },

        // "at ": prose is clean; frames are not, raw, after an escaped tab or newline, async or new.
        { "Please try again at a later time; that is all. Look at: me", LeakKinds.None },
        { "at Contoso.Api.Get(Int32 id)", LeakKinds.StackTrace },
        { """{"trace":"x\tat com.example.A.b(A.java)"}""", LeakKinds.StackTrace },
        { """{"trace":"x\\tat com.example.A.b(A.java)"}""", LeakKinds.StackTrace },
        { "   at async Contoso.Api.GetAsync()", LeakKinds.StackTrace },
        { "   at new Foo.Bar()", LeakKinds.StackTrace },
        { "AT Contoso.Api.Get()", LeakKinds.None },

        // "fc"/"fd": words are clean; unique local IPv6 addresses are not.
        { "see rfc9110 and pdfcreator", LeakKinds.None },
        { "peer fd12:3456::1 refused", LeakKinds.InternalHost },
        { "FC00:1:2::3", LeakKinds.InternalHost },

        // Connection-string keys: prose is clean; key=value is not.
        { "The user must be at least 13; the host and port are set by the server team.", LeakKinds.None },
        { "Server=db01;Database=sis;User Id=sa;Password=x;", LeakKinds.ConnectionString },
        { "username = admin ; password = hunter2 ;", LeakKinds.ConnectionString },
        { "Data Source =db01", LeakKinds.ConnectionString },
        { "SharedAccessKeyName=root", LeakKinds.ConnectionString },

        // ":/": only after a lone drive letter.
        { "open C:/Users/app/config.json", LeakKinds.FilePath },
        { "open https://example.com/Users", LeakKinds.None },

        // "<title>": page titles are clean; Django's and Flask's debug titles are not.
        { "<html><head><title>404 Not Found</title></head><body>Not here.</body></html>", LeakKinds.None },
        { "<title>KeyError at /students/12</title>", LeakKinds.DebugPage },
        { "<title>ValueError at /api", LeakKinds.DebugPage },
        { "<title>Error\nat /x</title>", LeakKinds.None },
        { "<TITLE>Error at /students/12</TITLE>", LeakKinds.None },
        { "<title>Error at /students/12</title>", LeakKinds.DebugPage },
    };

    // Beyond ASCII a guard must read each character as the pattern's \w, \b, \s and \d do (Unicode classes).
    public static TheoryData<string, LeakKinds> NonAsciiNeighbours() => new()
    {
        { "at Über.Laden(Int32 id)", LeakKinds.StackTrace },
        { "at Contosoé.Api.Get(Int32 id)", LeakKinds.StackTrace },
        { "éat Contoso.Api.Get(Int32 id)", LeakKinds.None },
        { "System.DonnéException thrown", LeakKinds.ExceptionType },
        { "password\u00A0= hunter2;", LeakKinds.ConnectionString },
        { "Server=db01;\u2003Database\u00A0=sis;", LeakKinds.ConnectionString },
        { "call http://roster-service:\u0663\u0660/api", LeakKinds.InternalHost },
        { "call http://roster-service\u00A0now", LeakKinds.InternalHost },
        { "proxy https://svc\u00A0x:s3cret@example.com/x", LeakKinds.InternalHost },
        { "peer \u200Dfd12:3456::1 refused", LeakKinds.None },
        { "peer \u00A0fd12:3456::1 refused", LeakKinds.InternalHost },
        { "open éC:/Windows now", LeakKinds.None },
        { "open \u2003C:/Windows now", LeakKinds.FilePath },
        { "<title>Erreur — KeyError at /élèves</title>", LeakKinds.DebugPage | LeakKinds.ExceptionType },
    };

    [Theory]
    [MemberData(nameof(NonAsciiNeighbours))]
    public void Scan_GuardedMarkerNextToNonAsciiCharacters_AgreesWithReferenceAndExpectation(string text, LeakKinds expected) =>
        Assert.Equal(expected, ScanAgreeingWithReference(text));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Scan_TextOnAGuardsEdge_AgreesWithReferenceAndExpectation(string text, LeakKinds expected)
    {
        var reference = ScanAgreeingWithReference(text);
        Assert.Equal(expected, reference & expected);
        Assert.Equal(expected == LeakKinds.None, reference == LeakKinds.None);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Scan_SameTextAmongNonAsciiAndAtBodyEdges_AgreesWithReference(string text, LeakKinds expected)
    {
        _ = expected;
        foreach (var body in new[] { "Grüße — " + text + " — ½", text + new string(' ', 5000), new string('x', 4095) + " " + text })
        {
            var reference = ReferenceScanner.Scan(body);
            Assert.Equal(reference, LeakScanner.Scan(body));
            Assert.Equal(reference, LeakScanner.Scan(Encoding.UTF8.GetBytes(body)));
        }
    }

    // The scanner over UTF-16 and over UTF-8 agrees with the guard-free reference; returns the reference's verdict.
    private static LeakKinds ScanAgreeingWithReference(string text)
    {
        var reference = ReferenceScanner.Scan(text);
        Assert.Equal(reference, LeakScanner.Scan(text));
        Assert.Equal(reference, LeakScanner.Scan(Encoding.UTF8.GetBytes(text)));
        return reference;
    }
}
