using Gateway.Transforms.Errors;
using static Gateway.Tests.Transforms.Corpus.CorpusCase;

namespace Gateway.Tests.Transforms.Corpus;

/// <summary>Plain PHP (display_errors), Laravel, Symfony, Whoops and Slim answers.</summary>
public static class PhpCorpus
{
    public static IEnumerable<CorpusCase> Cases()
    {
        yield return ServerError("php/display-errors-fatal-pdo", 500, "text/html; charset=UTF-8",
            """
            <br />
            <b>Fatal error</b>:  Uncaught PDOException: SQLSTATE[42S02]: Base table or view not found: 1146 Table 'sis.student' doesn't exist in /var/www/html/api/students.php:27
            Stack trace:
            #0 /var/www/html/api/students.php(27): PDO-&gt;query('SELECT * FROM s...')
            #1 {main}
              thrown in <b>/var/www/html/api/students.php</b> on line <b>27</b><br />
            """,
            LeakKinds.StackTrace | LeakKinds.SqlError | LeakKinds.FilePath | LeakKinds.ExceptionType);

        yield return ServerError("php/cli-style-fatal-text", 500, "text/plain",
            "PHP Fatal error:  Uncaught Error: Call to undefined function mysql_connect() in /srv/app/lib/db.php:12",
            LeakKinds.StackTrace | LeakKinds.FilePath);

        yield return ServerError("php/laravel-ignition-500", 500, "text/html; charset=UTF-8",
            """
            <!doctype html>
            <html class="theme-light">
            <head><title>Illuminate\Database\QueryException - Internal Server Error</title></head>
            <body>
            <script>window.ignite = { "report": { "exception_class": "Illuminate\\Database\\QueryException", "message": "SQLSTATE[42S22]: Column not found: 1054 Unknown column 'grade_level' in 'field list' (Connection: mysql, SQL: select * from `students` where `grade_level` = 9)" } };</script>
            </body>
            </html>
            """,
            LeakKinds.DebugPage | LeakKinds.SqlError | LeakKinds.ExceptionType);

        yield return ServerError("php/laravel-production-500", 500, "text/html; charset=UTF-8",
            """
            <!DOCTYPE html>
            <html lang="en">
                <head>
                    <meta charset="utf-8">
                    <title>Server Error</title>
                </head>
                <body class="antialiased">
                    <div class="flex items-center pt-8 sm:justify-start sm:pt-0">
                        <div class="px-4 text-lg text-gray-500 border-r border-gray-400 tracking-wider">500</div>
                        <div class="ml-4 text-lg text-gray-500 uppercase tracking-wider">Server Error</div>
                    </div>
                </body>
            </html>
            """,
            LeakKinds.None);

        yield return new("php/laravel-422-validation", 422, "application/json",
            """{"message":"The last name field is required. (and 1 more error)","errors":{"last_name":["The last name field is required."],"grade":["The grade field must not be greater than 12."]}}""")
        {
            EdFi = new(400, "last_name: The last name field is required.; grade: The grade field must not be greater than 12."),
            ProblemDetails = new(422, "last_name: The last name field is required.; grade: The grade field must not be greater than 12."),
        };

        yield return ServerError("php/symfony-debug-500", 500, "text/html; charset=UTF-8",
            """
            <!DOCTYPE html>
            <html lang="en">
            <head><title>An exception occurred in driver: SQLSTATE[HY000] [2002] Connection refused (500 Internal Server Error)</title></head>
            <body>
            <div class="exception-summary"><h2 class="exception-message">An exception occurred in driver: SQLSTATE[HY000] [2002] Connection refused</h2></div>
            <div class="trace-details"><span class="trace-class">Doctrine\DBAL\Exception\ConnectionException</span> in <a title="/var/www/sis/vendor/doctrine/dbal/src/Driver/API/MySQL/ExceptionConverter.php line 101">vendor/doctrine/dbal/src/Driver/API/MySQL/ExceptionConverter.php</a> (line 101)</div>
            <div class="sf-toolbar sf-display-none" id="sfwdt7a4c1e"></div>
            <script>Sfjs = (function() { "use strict"; if ('classList' in document.documentElement) { var hasClass = function (el, cssClass) { return el.classList.contains(cssClass); }; } })(); /* Symfony\Component\ErrorHandler\ErrorRenderer */</script>
            </body>
            </html>
            """,
            LeakKinds.DebugPage | LeakKinds.SqlError | LeakKinds.ExceptionType | LeakKinds.FilePath);

        yield return ServerError("php/whoops-pretty-page", 500, "text/html",
            """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>Whoops! There was an error.</title></head><body>
            <div class="Whoops container"><div class="stack-container"><div class="left-panel cf">
            <div class="frame-file">/var/www/sis/src/Controller/GradeController.php</div><div class="frame-line">77</div>
            </div><div class="exception"><span class="exc-title-primary">InvalidArgumentException</span><span class="exc-message">Grade "14" is out of range</span></div>
            </div></div><!-- Whoops\Handler\PrettyPageHandler --></body></html>
            """,
            LeakKinds.DebugPage | LeakKinds.FilePath | LeakKinds.ExceptionType);

        yield return ServerError("php/json-escaped-include-path", 500, "application/json",
            """{"error":"include(\/var\/www\/sis\/config\/tenant.php): Failed to open stream: No such file or directory"}""",
            LeakKinds.FilePath);

        yield return Both("php/slim-404-json", 404, "application/json",
            """{"message":"404 Not Found"}""",
            LeakKinds.None, 404, Generic.NotFound);

        yield return Both("php/slim-405-text", 405, "text/plain",
            "Method not allowed. Must be one of: GET, POST",
            LeakKinds.None, 400, "Method not allowed. Must be one of: GET, POST");
    }
}
