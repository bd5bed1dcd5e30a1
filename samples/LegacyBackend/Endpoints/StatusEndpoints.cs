using System.Text;
using LegacyBackend.Samples;

namespace LegacyBackend.Endpoints;

/// <summary>Short, clean bodies with unusual statuses.</summary>
internal static class StatusEndpoints
{
    public static WebApplication MapStatusEndpoints(this WebApplication app)
    {
        app.MapGet("/api/validation", () =>
            Results.Text(ValidationError.Body, ContentTypes.Json, Encoding.UTF8, StatusCodes.Status400BadRequest));

        app.MapGet("/api/teapot", () =>
            Results.Text(PlainMessages.Teapot, ContentTypes.Plain, Encoding.UTF8, StatusCodes.Status418ImATeapot));

        app.MapGet("/api/gone", () =>
            Results.Text(PlainMessages.Gone, ContentTypes.Plain, Encoding.UTF8, StatusCodes.Status410Gone));

        app.MapGet("/api/plain-error", () =>
            Results.Text(PlainMessages.Maintenance, ContentTypes.Plain, Encoding.UTF8, StatusCodes.Status503ServiceUnavailable));

        return app;
    }
}
