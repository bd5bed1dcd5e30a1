namespace LegacyBackend.Hosting;

internal static class LegacyHeaders
{
    /// <summary>Adds the banner headers an untuned IIS 8.5 / ASP.NET 4 box sends on every response.</summary>
    public static IApplicationBuilder UseLegacyHeaders(this IApplicationBuilder app)
    {
        return app.Use(static (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.Server = "Microsoft-IIS/8.5";
            headers.XPoweredBy = "ASP.NET";
            headers["X-AspNet-Version"] = "4.0.30319";
            headers["X-AspNetMvc-Version"] = "5.2";
            // Base64 of the project's physical path, as Visual Studio's IIS Express leaves it on.
            headers["X-SourceFiles"] = "=?UTF-8?B?QzpcaW5ldHB1Ylx3d3dyb290XFN0dWRlbnRBcGk=?=";
            // A home-grown header naming the node behind the load balancer: no list knows it, its value gives it away.
            headers["X-Backend-Node"] = "10.0.3.17:8080";

            // The gateway's conditional-request features are tested against a backend without validators.
            context.Response.OnStarting(static state =>
            {
                ((HttpResponse)state).Headers.Remove("ETag");
                return Task.CompletedTask;
            }, context.Response);

            return next(context);
        });
    }
}
