namespace Bench.Soak;

/// <summary>
/// A legacy backend at its worst, on loopback: the last path segment picks the behaviour. Every answer carries the
/// headers an IIS-hosted service sends, which the gateway must strip.
/// </summary>
internal static class SoakUpstream
{
    public static async Task<int> RunAsync(SoakArgs args)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
        builder.WebHost.UseUrls($"http://127.0.0.1:{args.Number("port")}");
        var app = builder.Build();
        app.Run(HandleAsync);
        await app.RunAsync();
        return 0;
    }

    private static Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var behaviour = path[(path.LastIndexOf('/') + 1)..];
        var headers = context.Response.Headers;
        headers["Server"] = "Microsoft-IIS/10.0";
        headers["X-Powered-By"] = "ASP.NET";
        headers["X-AspNet-Version"] = "4.0.30319";
        headers["X-AspNetMvc-Version"] = "5.2";
        headers["X-SourceFiles"] = "=?UTF-8?B?Qzpcc3JjXFN0dWRlbnRBcGk=?=";
        headers["X-Internal-Build"] = "sis-app-03.corp.internal build 4711";

        return behaviour switch
        {
            "ok" => WriteAsync(context, 200, "application/json", UpstreamBodies.Ok),
            "ok64k" => WriteAsync(context, 200, "application/json", UpstreamBodies.Ok64K),
            "slow" => SlowAsync(context),
            "yellow" => WriteAsync(context, 500, "text/html; charset=utf-8", UpstreamBodies.YellowScreen),
            "sql" => WriteAsync(context, 500, "text/plain", UpstreamBodies.SqlError),
            "integrity" => WriteAsync(context, 500, "application/json", UpstreamBodies.Integrity),
            "soap" => WriteAsync(context, 500, "text/xml; charset=utf-8", UpstreamBodies.SoapFault),
            "notfound" => WriteAsync(context, 404, "application/json", UpstreamBodies.NotFound),
            "leaky400" => WriteAsync(context, 400, "application/json", UpstreamBodies.LeakyBadRequest),
            "reset" => Reset(context),
            "resetmid" => ResetMidBodyAsync(context),
            _ => WriteAsync(context, 404, "text/plain", "no such behaviour"u8.ToArray()),
        };
    }

    private static Task WriteAsync(HttpContext context, int status, string contentType, byte[] body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    private static async Task SlowAsync(HttpContext context)
    {
        await Task.Delay(Random.Shared.Next(50, 300), context.RequestAborted);
        await WriteAsync(context, 200, "application/json", UpstreamBodies.Ok);
    }

    private static Task Reset(HttpContext context)
    {
        context.Abort();
        return Task.CompletedTask;
    }

    // Promises the whole yellow screen, sends half, then breaks the connection: the gateway is reading an error body.
    private static async Task ResetMidBodyAsync(HttpContext context)
    {
        var body = UpstreamBodies.YellowScreen;
        context.Response.StatusCode = 500;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2), context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        context.Abort();
    }
}
