using System.Text;
using LegacyBackend.Samples;

namespace LegacyBackend.Endpoints;

/// <summary>500s that leak database details: constraint names, tables, key values, SQL.</summary>
internal static class DatabaseErrorEndpoints
{
    public static WebApplication MapDatabaseErrorEndpoints(this WebApplication app)
    {
        app.MapGet("/api/sql-error", () =>
            Results.Text(SqlServerError.Body, ContentTypes.Json, Encoding.UTF8, StatusCodes.Status500InternalServerError));

        app.MapGet("/api/fk-error", () =>
            Results.Text(PostgresError.Body, ContentTypes.Plain, Encoding.UTF8, StatusCodes.Status500InternalServerError));

        return app;
    }
}
