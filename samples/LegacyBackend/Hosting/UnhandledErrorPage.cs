using LegacyBackend.Samples;

namespace LegacyBackend.Hosting;

internal static class UnhandledErrorPage
{
    /// <summary>
    /// Turns a real bug in this sample into the same yellow screen the fake ones show,
    /// so even our own failures keep the IIS headers and look the part.
    /// </summary>
    public static IApplicationBuilder UseYellowScreenForUnhandledErrors(this IApplicationBuilder app)
    {
        return app.Use(static async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
            {
                var page = YellowScreen.Render(new YellowScreenError(
                    ex.GetType().FullName ?? ex.GetType().Name,
                    ex.Message,
                    ex.StackTrace ?? string.Empty));

                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                context.Response.ContentType = ContentTypes.Html;
                await context.Response.WriteAsync(page);
            }
        });
    }
}
