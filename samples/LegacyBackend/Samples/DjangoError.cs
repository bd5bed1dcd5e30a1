namespace LegacyBackend.Samples;

/// <summary>Django's technical 500 page, left on in production with DEBUG = True.</summary>
internal static class DjangoError
{
    public const string Body = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta http-equiv="content-type" content="text/html; charset=utf-8">
          <meta name="robots" content="NONE,NOARCHIVE">
          <title>KeyError at /api/students/7/</title>
          <style>
            body { font: small sans-serif; background: #eee; margin: 0; }
            #summary { background: #ffc; padding: 10px 20px; border-bottom: 1px solid #ddd; }
            #summary h1 { font-weight: normal; }
            #traceback, #settings { background: #fff; padding: 10px 20px; }
            pre { background: #f6f6f6; padding: 6px; overflow: auto; }
            #explanation { background: #eee; padding: 10px 20px; }
            table.meta th { text-align: right; padding-right: 1em; }
          </style>
        </head>
        <body>
        <div id="summary">
          <h1>KeyError at /api/students/7/</h1>
          <pre class="exception_value">'student_id'</pre>
          <table class="meta">
            <tr><th>Request Method:</th><td>GET</td></tr>
            <tr><th>Request URL:</th><td>http://students-api.school.internal:8000/api/students/7/</td></tr>
            <tr><th>Django Version:</th><td>4.2.11</td></tr>
            <tr><th>Exception Type:</th><td>KeyError</td></tr>
            <tr><th>Exception Value:</th><td><pre>'student_id'</pre></td></tr>
            <tr><th>Exception Location:</th><td><span class="fname">/srv/app/students/views.py</span>, line 41, in get</td></tr>
            <tr><th>Python Executable:</th><td>/srv/app/.venv/bin/python</td></tr>
            <tr><th>Python Version:</th><td>3.11.8</td></tr>
            <tr><th>Server hostname:</th><td>web-02</td></tr>
          </table>
        </div>

        <div id="traceback">
          <h2>Traceback</h2>
          <pre id="traceback_area">
        Environment:

        Request Method: GET
        Request URL: http://students-api.school.internal:8000/api/students/7/

        Traceback (most recent call last):
          File "/srv/app/.venv/lib/python3.11/site-packages/django/core/handlers/exception.py", line 55, in inner
            response = get_response(request)
          File "/srv/app/.venv/lib/python3.11/site-packages/django/core/handlers/base.py", line 197, in _get_response
            response = wrapped_callback(request, *callback_args, **callback_kwargs)
          File "/srv/app/.venv/lib/python3.11/site-packages/django/views/generic/base.py", line 104, in view
            return self.dispatch(request, *args, **kwargs)
          File "/srv/app/students/views.py", line 41, in get
            student = Student.objects.raw(
                "SELECT * FROM students_student WHERE id = %s", [kwargs["student_id"]]
            )

        Exception Type: KeyError at /api/students/7/
        Exception Value: 'student_id'
          </pre>
        </div>

        <div id="settings">
          <h2>Settings</h2>
          <table class="meta">
            <tr><th>DATABASES</th><td><pre>{'default': {'ENGINE': 'django.db.backends.postgresql', 'HOST': 'pg-students-01.school.internal', 'NAME': 'school', 'PASSWORD': '********************', 'PORT': '5432', 'USER': 'students_app'}}</pre></td></tr>
            <tr><th>ALLOWED_HOSTS</th><td><pre>['*']</pre></td></tr>
            <tr><th>SECRET_KEY</th><td><pre>'********************'</pre></td></tr>
          </table>
        </div>

        <div id="explanation">
          <p>
            You're seeing this error because you have <code>DEBUG = True</code> in your
            Django settings file. With <code>DEBUG = False</code> Django would show a plain
            500 page instead.
          </p>
        </div>
        </body>
        </html>
        """;
}
