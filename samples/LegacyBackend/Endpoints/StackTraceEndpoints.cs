using System.Text;
using LegacyBackend.Samples;

namespace LegacyBackend.Endpoints;

/// <summary>500s that leak a stack trace, one per platform the gateway may find behind it.</summary>
internal static class StackTraceEndpoints
{
    public static WebApplication MapStackTraceEndpoints(this WebApplication app)
    {
        MapError(app, "/api/crash", AspNetErrors.NullReference, ContentTypes.Html);
        MapError(app, "/api/java-error", JavaError.Body, ContentTypes.Plain);
        MapError(app, "/api/python-error", DjangoError.Body, ContentTypes.Html);
        MapError(app, "/api/node-error", ExpressError.Body, ContentTypes.Html);
        MapError(app, "/api/php-error", PhpError.Body, ContentTypes.Html);
        MapError(app, "/api/ruby-error", RailsError.Body, ContentTypes.Plain);
        MapError(app, "/api/go-panic", GoPanic.Body, ContentTypes.Plain);

        return app;
    }

    private static void MapError(WebApplication app, string path, string body, string contentType) =>
        app.MapGet(path, () => Results.Text(body, contentType, Encoding.UTF8, StatusCodes.Status500InternalServerError));
}
