using System.Text;
using LegacyBackend.Samples;

namespace LegacyBackend.Endpoints;

internal static class FallbackEndpoints
{
    /// <summary>Anything unmapped gets IIS's detailed 404 page, physical path and all.</summary>
    public static WebApplication MapIisNotFoundFallback(this WebApplication app)
    {
        app.MapFallback((HttpRequest request) =>
            Results.Text(IisNotFoundPage.Render(request.Path), ContentTypes.Html, Encoding.UTF8, StatusCodes.Status404NotFound));
        return app;
    }
}
