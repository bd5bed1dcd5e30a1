using LegacyBackend.Students;

namespace LegacyBackend.Endpoints;

/// <summary>The "always 200, look inside for success" style of API.</summary>
internal static class LegacyEnvelopeEndpoints
{
    public static WebApplication MapLegacyEnvelopeEndpoints(this WebApplication app)
    {
        app.MapGet("/api/legacy/students/{id:int}", (int id, StudentStore store) =>
            store.Find(id) is { } student
                ? Results.Json(new { success = true, data = student })
                : Results.Json(new { success = false, error = "Student not found" }));

        // An endpoint built for a browser page: its errors come as JSONP.
        app.MapGet("/api/legacy/lookup", (string? callback) => Results.Text(
            $$"""{{callback ?? "callback"}}({"status":"error","message":"Grade must be between 1 and 12."});""",
            "application/javascript",
            statusCode: StatusCodes.Status400BadRequest));

        // PHP with display_errors on: the script dies, the status stays 200.
        app.MapGet("/api/legacy/report", () => Results.Text(
            """
            <br />
            <b>Fatal error</b>:  Uncaught PDOException: SQLSTATE[HY000] [2002] Connection refused in /var/www/html/lib/db.php:12
            Stack trace:
            #0 /var/www/html/lib/db.php(12): PDO->__construct('mysql:host=db01.corp...', 'sis', 'hunter2')
            #1 /var/www/html/report.php(5): connect()
            #2 {main}
              thrown in <b>/var/www/html/lib/db.php</b> on line <b>12</b><br />
            """,
            "text/html; charset=UTF-8"));

        return app;
    }
}
