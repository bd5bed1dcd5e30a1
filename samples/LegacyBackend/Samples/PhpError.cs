namespace LegacyBackend.Samples;

/// <summary>A PHP fatal error with display_errors=On and html_errors=Off, after the page had started.</summary>
internal static class PhpError
{
    public const string Body = """
        <!DOCTYPE html>
        <html>
        <head><title>Students</title></head>
        <body>
        <h1>Students</h1>
        <br />
        Fatal error: Uncaught PDOException: SQLSTATE[42S02]: Base table or view not found: 1146 Table 'school.students' doesn't exist in /var/www/html/students.php:19
        Stack trace:
        #0 /var/www/html/students.php(19): PDO->query('SELECT id, firs...')
        #1 /var/www/html/index.php(8): require_once('/var/www/html/s...')
        #2 {main}
          thrown in /var/www/html/students.php on line 19<br />

        """;
}
