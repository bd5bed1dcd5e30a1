using Gateway.Errors;

namespace Gateway.Middleware;

/// <summary>
/// Anything thrown inside the gateway becomes the profile's 500 (or the status a bad request carries); the
/// exception goes to the log only. A client that went away gets nothing and causes no error log.
/// </summary>
internal sealed partial class GatewayExceptionMiddleware(RequestDelegate next, ErrorResponseWriter writer, ILogger<GatewayExceptionMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            Log.ClientAborted(logger, context.Request.Path.Value ?? "/");
        }
        catch (BadHttpRequestException ex)
        {
            // Kestrel's own limits (body too large, bad chunking) surface here while the body is read.
            Log.BadRequest(logger, ex.StatusCode, ex.Message);
            await AnswerAsync(context, ex.StatusCode);
        }
        catch (Exception ex)
        {
            Log.Unhandled(logger, context.Request.Method, context.Request.Path.Value ?? "/", ex);
            await AnswerAsync(context, StatusCodes.Status500InternalServerError);
        }
    }

    private async Task AnswerAsync(HttpContext context, int status)
    {
        if (context.Response.HasStarted)
        {
            // Headers are gone: the only honest signal left is an aborted response, never a clean end.
            context.Abort();
            return;
        }

        await writer.WriteAsync(context, status);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "Unhandled exception in the gateway for {Method} {Path}")]
        public static partial void Unhandled(ILogger logger, string method, string path, Exception exception);

        [LoggerMessage(2, LogLevel.Debug, "Client aborted {Path}")]
        public static partial void ClientAborted(ILogger logger, string path);

        [LoggerMessage(3, LogLevel.Information, "Bad request ({StatusCode}): {Reason}")]
        public static partial void BadRequest(ILogger logger, int statusCode, string reason);
    }
}
