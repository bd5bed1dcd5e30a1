using System.Globalization;
using System.Text;

namespace Transforms.Benchmarks;

/// <summary>
/// Builds realistic error bodies of an exact size: a head, a unit repeated as often as it fits, whitespace padding,
/// and a tail that closes the document (JSON stays well formed, HTML stays closed). All bodies but CleanHtmlUnicode are
/// ASCII; sizes are in UTF-8 bytes.
/// </summary>
internal static class Bodies
{
    // What "&nbsp;" unescapes to.
    private const string Nbsp = "\u00A0";

    public static (int Status, string ContentType, byte[] Bytes) Create(Body body, int size) => body switch
    {
        Body.CleanJson => (400, "application/problem+json; charset=utf-8", Build(size,
            """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"One or more validation errors occurred.","status":400,"errors":{""",
            i => $$"""
                "students[{{i}}].lastSurname":["The LastSurname field is required."],"students[{{i}}].birthDate":["The field BirthDate must be between 1900-01-01 and 2030-12-31."],
                """,
            """
            "batch":["The batch contains invalid records."]},"traceId":"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00"}
            """)),

        Body.CleanHtml => (404, "text/html; charset=utf-8", Build(size,
            """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>404 Not Found</title>
            <style>body{font-family:sans-serif;margin:2em}ul{line-height:1.6}</style></head>
            <body><h1>Page not found</h1>
            <p>The page you requested could not be found. It may have been moved, renamed or removed.</p>
            <ul class="suggestions">

            """,
            i => $"""<li><a href="/districts/{i}/schools">Schools in district {i}</a> - browse enrollment, calendars and contact details.</li>{"\n"}""",
            """
            </ul>
            <p>Return to the <a href="/">home page</a> or contact your district office.</p>
            </body></html>
            """)),

        Body.CleanText => (503, "text/plain; charset=utf-8", Build(size,
            "Service Unavailable\n\nThe enrollment service is down for scheduled maintenance. Please try again later.\n\n",
            i => $"Region {i}: requests are queued and will be processed in order; the expected wait is {i % 50} minutes.\n",
            "\nThank you for your patience.\n")),

        Body.CleanHtmlUnicode => (404, "text/html; charset=utf-8", Build(size,
            $$"""
            <!DOCTYPE html>
            <html lang="fr"><head><meta charset="utf-8"><title>404 – Page introuvable</title>
            <style>body{font-family:sans-serif;margin:2em}ul{line-height:1.6}</style></head>
            <body><h1>Page introuvable</h1>
            <p>La page demandée est introuvable{{Nbsp}}: elle a peut-être été déplacée, renommée ou supprimée.</p>
            <ul class="suggestions">

            """,
            i => $"""<li><a href="/districts/{i}/ecoles">Écoles du district {i}</a>{Nbsp}– inscriptions, calendriers et coordonnées des établissements.</li>{"\n"}""",
            """
            </ul>
            <p>Retour à la <a href="/">page d’accueil</a> ou contactez le bureau du district.</p>
            </body></html>
            """)),

        Body.LeakyYellowScreen => (500, "text/html; charset=utf-8", Build(size,
            """
            <!DOCTYPE html>
            <html><head><title>Invalid object name 'dbo.StudentSchoolAssociation'.</title></head>
            <body bgcolor="white"><span><H1>Server Error in '/SisApi' Application.<hr></H1>
            <h2><i>Invalid object name 'dbo.StudentSchoolAssociation'.</i></h2></span>
            <b>Exception Details: </b>System.Data.SqlClient.SqlException: Invalid object name 'dbo.StudentSchoolAssociation'.<br><br>
            <b>Stack Trace:</b><br><br><table width=100% bgcolor="#ffffcc"><tr><td><code><pre>
            [SqlException (0x80131904): Invalid object name 'dbo.StudentSchoolAssociation'.]

            """,
            i => $"   SisApi.Data.Repository`1.Query(String sql, Object param) in D:\\Builds\\SisApi\\Data\\Repository.cs:{i}\r\n   System.Data.SqlClient.SqlCommand.ExecuteReader(CommandBehavior behavior) +{i}\r\n",
            """
            </pre></code></td></tr></table>
            <b>Version Information:</b>&nbsp;Microsoft .NET Framework Version:4.0.30319; ASP.NET Version:4.8.4667.0
            </body></html>
            """)),

        Body.LeakyJavaTrace => (500, "text/plain", Build(size,
            """
            java.lang.IllegalStateException: Failed to load student 12
            	at com.example.sis.StudentService.load(StudentService.java:88)
            	at com.example.sis.StudentController.get(StudentController.java:41)

            """,
            i => $"\tat com.example.sis.tree.Walker.visit{i % 7}(Walker.java:{100 + (i % 900)})\n",
            """
            Caused by: org.postgresql.util.PSQLException: ERROR: relation "student" does not exist
            	... 42 more
            """)),

        Body.LeakySqlError => (500, "application/json", Build(size,
            """{"message":"SQLSTATE[42S22]: Column not found: 1054 Unknown column 'students.grade_level' in 'where clause' (SQL: select * from `students` where `students`.`grade_level` = 9)","exception":"Illuminate\\Database\\QueryException","file":"/var/www/html/vendor/laravel/framework/src/Illuminate/Database/Connection.php","line":760,"trace":[""",
            i => $$"""{"file":"/var/www/html/vendor/laravel/framework/src/Illuminate/Pipeline/Pipeline.php","line":{{i}},"function":"handle","class":"Illuminate\\Pipeline\\Pipeline","type":"->"},""",
            """{"file":"/var/www/html/public/index.php","line":51,"function":"handle"}]}""")),

        _ => throw new ArgumentOutOfRangeException(nameof(body)),
    };

    private static byte[] Build(int size, string head, Func<int, string> unit, string tail)
    {
        var text = new StringBuilder(size);
        text.Append(head);
        var bytes = Encoding.UTF8.GetByteCount(head);
        var tailBytes = Encoding.UTF8.GetByteCount(tail);
        for (var i = 1; ; i++)
        {
            var next = unit(i);
            var nextBytes = Encoding.UTF8.GetByteCount(next);
            if (bytes + nextBytes + tailBytes > size)
            {
                break;
            }

            text.Append(next);
            bytes += nextBytes;
        }

        if (bytes + tailBytes > size)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Head and tail do not fit in {size} bytes."));
        }

        text.Append(' ', size - bytes - tailBytes).Append(tail);
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
