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

        return app;
    }
}
