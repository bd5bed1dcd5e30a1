namespace LegacyBackend.Hosting;

internal static class HeadAsGet
{
    /// <summary>
    /// Serves HEAD like GET, as IIS does, so "curl -I" shows the real headers instead of the fallback 404.
    /// Kestrel still sends no body: it decides that from the request line, not from Request.Method.
    /// </summary>
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app)
    {
        return app.Use(static (context, next) =>
        {
            if (HttpMethods.IsHead(context.Request.Method))
            {
                context.Request.Method = HttpMethods.Get;
            }

            return next(context);
        });
    }
}
