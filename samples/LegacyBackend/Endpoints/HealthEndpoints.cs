using System.Text;
using LegacyBackend.Samples;

namespace LegacyBackend.Endpoints;

internal static class HealthEndpoints
{
    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        app.MapGet("/health", () => Results.Text(PlainMessages.Healthy, ContentTypes.Plain, Encoding.UTF8));
        return app;
    }
}
