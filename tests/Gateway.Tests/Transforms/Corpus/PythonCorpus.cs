using Gateway.Transforms.Errors;
using static Gateway.Tests.Transforms.Corpus.CorpusCase;

namespace Gateway.Tests.Transforms.Corpus;

/// <summary>Django, Django REST framework, Flask/Werkzeug, FastAPI, SQLAlchemy and Tornado answers.</summary>
public static class PythonCorpus
{
    public static IEnumerable<CorpusCase> Cases()
    {
        yield return ServerError("python/django-debug-500", 500, "text/html; charset=utf-8",
            """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta http-equiv="content-type" content="text/html; charset=utf-8">
              <title>OperationalError at /api/students/12</title>
            </head>
            <body>
            <div id="summary">
              <h1>OperationalError at /api/students/12</h1>
              <pre class="exception_value">no such table: roster_student</pre>
              <table class="meta">
                <tr><th>Django Version:</th><td>4.2.10</td></tr>
                <tr><th>Exception Type:</th><td>OperationalError</td></tr>
                <tr><th>Exception Location:</th><td><span class="fname">/usr/local/lib/python3.11/site-packages/django/db/backends/sqlite3/base.py</span>, line 328, in execute</td></tr>
              </table>
            </div>
            <div id="traceback">
            <textarea id="traceback_area" cols="140" rows="25">
            Traceback (most recent call last):
              File &quot;/usr/local/lib/python3.11/site-packages/django/db/backends/utils.py&quot;, line 89, in _execute
                return self.cursor.execute(sql, params)
            </textarea>
            </div>
            <div id="explanation">
              <p>You&#x27;re seeing this error because you have <code>DEBUG = True</code> in your Django settings file.</p>
            </div>
            </body>
            </html>
            """,
            LeakKinds.DebugPage | LeakKinds.StackTrace | LeakKinds.SqlError | LeakKinds.ExceptionType | LeakKinds.FilePath);

        yield return Both("python/django-debug-404", 404, "text/html; charset=utf-8",
            """
            <!DOCTYPE html><html lang="en"><head><title>Page not found at /api/studentz/</title></head><body>
            <div id="summary"><h1>Page not found <span>(404)</span></h1><table class="meta"><tr><th>Request Method:</th><td>GET</td></tr><tr><th>Request URL:</th><td>http://sis-api:8000/api/studentz/</td></tr></table></div>
            <div id="explanation"><p>You’re seeing this error because you have <code>DEBUG = True</code> in your Django settings file. Change that to <code>False</code>, and Django will display a standard 404 page.</p></div>
            </body></html>
            """,
            LeakKinds.DebugPage | LeakKinds.InternalHost, 404, Generic.NotFound);

        yield return ServerError("python/werkzeug-debugger-500", 500, "text/html; charset=utf-8",
            """
            <!doctype html>
            <html lang=en>
              <head>
                <title>KeyError: 'grade'
             // Werkzeug Debugger</title>
                <script src="?__debugger__=yes&amp;cmd=resource&amp;f=debugger.js"></script>
              </head>
              <body style="background-color: #fff">
                <div class="debugger">
            <h1>KeyError</h1>
            <div class="detail"><p class="errormsg">KeyError: &#39;grade&#39;</p></div>
            <h2 class="traceback">Traceback <em>(most recent call last)</em></h2>
            <div class="traceback"><ul><li><div class="frame" id="frame-140233"><h4>File <cite class="filename">"/srv/sis/app/views.py"</cite>, line <em class="line">42</em>, in <code class="function">post_grade</code></h4></div></li></ul></div>
            <div class="footer">Brought to you by <strong class="arthur">DON'T PANIC</strong>, your friendly Werkzeug powered traceback interpreter.</div>
                </div>
              </body>
            </html>
            """,
            LeakKinds.DebugPage | LeakKinds.ExceptionType | LeakKinds.FilePath);

        yield return ServerError("python/plain-traceback", 500, "text/plain; charset=utf-8",
            """
            Traceback (most recent call last):
              File "/app/sis/handlers/grades.py", line 57, in post
                grade = int(payload["grade"])
            ValueError: invalid literal for int() with base 10: 'A+'
            """,
            LeakKinds.StackTrace | LeakKinds.ExceptionType | LeakKinds.FilePath);

        yield return new("python/fastapi-422-validation", 422, "application/json",
            """{"detail":[{"type":"missing","loc":["body","lastName"],"msg":"Field required","input":{"firstName":"Ada"},"url":"https://errors.pydantic.dev/2.5/v/missing"},{"type":"less_than_equal","loc":["body","grade"],"msg":"Input should be less than or equal to 12","input":14,"ctx":{"le":12},"url":"https://errors.pydantic.dev/2.5/v/less_than_equal"}]}""")
        {
            EdFi = new(400, "lastName: Field required; grade: Input should be less than or equal to 12"),
            ProblemDetails = new(422, "lastName: Field required; grade: Input should be less than or equal to 12"),
        };

        yield return Both("python/fastapi-404-detail", 404, "application/json",
            """{"detail":"Student not found"}""",
            LeakKinds.None, 404, "Student not found");

        yield return Both("python/drf-400-field-map", 400, "application/json",
            """{"last_name":["This field is required."],"grade":["Ensure this value is less than or equal to 12."]}""",
            LeakKinds.None, 400, "last_name: This field is required.; grade: Ensure this value is less than or equal to 12.");

        yield return Both("python/drf-400-non-field-errors", 400, "application/json",
            """{"non_field_errors":["The fields student, section must make a unique set."]}""",
            LeakKinds.None, 400, "The fields student, section must make a unique set.");

        yield return Both("python/drf-403-detail", 403, "application/json",
            """{"detail":"You do not have permission to perform this action."}""",
            LeakKinds.None, 403, "You do not have permission to perform this action.");

        yield return Conflict("python/sqlalchemy-unique-violation", 500, "text/plain",
            """
            sqlalchemy.exc.IntegrityError: (psycopg2.errors.UniqueViolation) duplicate key value violates unique constraint "students_email_key"
            DETAIL:  Key (email)=(ada@example.org) already exists.

            [SQL: INSERT INTO students (email, last_name) VALUES (%(email)s, %(last_name)s)]
            (Background on this error at: https://sqlalche.me/e/20/gkpj)
            """,
            LeakKinds.SqlError | LeakKinds.ExceptionType);

        yield return ServerError("python/tornado-500-default", 500, "text/html; charset=UTF-8",
            "<html><title>500: Internal Server Error</title><body>500: Internal Server Error</body></html>",
            LeakKinds.None);

        yield return Both("python/flask-400-abort-description", 400, "text/html; charset=utf-8",
            """
            <!doctype html>
            <html lang=en>
            <title>400 Bad Request</title>
            <h1>Bad Request</h1>
            <p>The browser (or proxy) sent a request that this server could not understand.</p>
            """,
            LeakKinds.None, 400, Generic.BadRequest);

        // Django's production pages: "Reason (NNN)" is only the status; the 400 page has nothing else to say.
        yield return Both("python/django-400-prod", 400, "text/html; charset=utf-8",
            """

            <!doctype html>
            <html lang="en">
            <head>
              <title>Bad Request (400)</title>
            </head>
            <body>
              <h1>Bad Request (400)</h1><p></p>
            </body>
            </html>
            """,
            LeakKinds.None, 400, Generic.BadRequest);

        yield return Both("python/django-403-csrf-prod", 403, "text/html; charset=utf-8",
            """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta http-equiv="content-type" content="text/html; charset=utf-8">
              <meta name="robots" content="NONE,NOARCHIVE">
              <title>403 Forbidden</title>
              <style type="text/css">
                html * { padding:0; margin:0; }
                h1 span { font-size:60%; color:#666; font-weight:normal; }
              </style>
            </head>
            <body>
            <div id="summary">
              <h1>Forbidden <span>(403)</span></h1>
              <p>CSRF verification failed. Request aborted.</p>

              <p>You are seeing this message because this HTTPS site requires a “Referer header” to be sent by your web browser, but none was sent. This header is required for security reasons, to ensure that your browser is not being hijacked by third parties.</p>
              <p>If you have configured your browser to disable “Referer” headers, please re-enable them, at least for this site, or for HTTPS connections, or for “same-origin” requests.</p>
            </div>

            <div id="explanation">
              <p><small>More information is available with DEBUG=True.</small></p>
            </div>

            </body>
            </html>
            """,
            LeakKinds.None, 403, "CSRF verification failed. Request aborted.");
    }
}
