using System.Globalization;
using System.Text;
using LegacyBackend.Hosting;
using LegacyBackend.Samples;

namespace LegacyBackend.Endpoints;

/// <summary>Responses that test the transport: slow, big, compressed, redirected.</summary>
internal static class TransportEndpoints
{
    private const int DefaultDelayMs = 5000;
    private const int MaxDelayMs = 60000;

    public static WebApplication MapTransportEndpoints(this WebApplication app)
    {
        // Read here so the payloads are built at startup, not on the first (timed) request.
        var big = BigPayload.Json;
        var gzipped = GzipPayload.YellowScreen;

        app.MapGet("/api/slow", async (HttpContext context) =>
        {
            var ms = int.TryParse(context.Request.Query["ms"], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
                ? Math.Min(parsed, MaxDelayMs)
                : DefaultDelayMs;
            try
            {
                await Task.Delay(ms, context.RequestAborted);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                // The caller (likely the gateway's timeout) gave up; nobody is left to answer.
                return Results.Empty;
            }

            return Results.Json(new { waitedMs = ms });
        });

        app.MapGet("/api/big", (HttpContext context) =>
            RawResponse.WriteAsync(context, StatusCodes.Status200OK, ContentTypes.Json, big));

        app.MapGet("/api/gzip-error", (HttpContext context) =>
            RawResponse.WriteAsync(context, StatusCodes.Status500InternalServerError, ContentTypes.Html, gzipped, "gzip"));

        // ASP.NET Forms authentication: an anonymous API call is sent to the login form.
        app.MapGet("/api/admin/settings", (HttpRequest request) =>
        {
            var location = $"{InternalAddress.Of(request)}/Account/Login?ReturnUrl=%2fapi%2fadmin%2fsettings";
            request.HttpContext.Response.Headers.Location = location;
            return Results.Text(ObjectMovedPage.Render(location), ContentTypes.Html, Encoding.UTF8, StatusCodes.Status302Found);
        });

        app.MapGet("/api/redirect", (HttpRequest request) =>
        {
            var location = $"{InternalAddress.Of(request)}/api/students/1";
            request.HttpContext.Response.Headers.Location = location;
            return Results.Text(ObjectMovedPage.Render(location), ContentTypes.Html, Encoding.UTF8, StatusCodes.Status302Found);
        });

        return app;
    }
}
