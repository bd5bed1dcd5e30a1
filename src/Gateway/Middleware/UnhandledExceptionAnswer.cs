using Gateway.Errors;

namespace Gateway.Middleware;

/// <summary>
/// Anything thrown inside the gateway becomes the profile's 500 (or the status a bad request carries); the
/// exception goes to the log only. A client that went away gets nothing and causes no error log.
/// </summary>
internal sealed partial class UnhandledExceptionAnswer(ErrorResponseWriter writer, ILoggerFactory loggers)
{
    // The category of the days this was its own middleware: operators' log queries filter on it.
    private readonly ILogger _logger = loggers.CreateLogger("Gateway.Middleware.GatewayExceptionMiddleware");

    public Task AnswerAsync(HttpContext context, Exception exception)
    {
        switch (exception)
        {
            case OperationCanceledException when context.RequestAborted.IsCancellationRequested:
                Log.ClientAborted(_logger, context.Request.Path.Value ?? "/");
                return Task.CompletedTask;
            case BadHttpRequestException bad:
                // Kestrel's own limits (body too large, bad chunking) surface here while the body is read.
                Log.BadRequest(_logger, bad.StatusCode, bad.Message);
                return AnswerAsync(context, bad.StatusCode);
            default:
                Log.Unhandled(_logger, context.Request.Method, context.Request.Path.Value ?? "/", exception);
                return AnswerAsync(context, StatusCodes.Status500InternalServerError);
        }
    }

    private Task AnswerAsync(HttpContext context, int status)
    {
        if (context.Response.HasStarted)
        {
            // Headers are gone: the only honest signal left is an aborted response, never a clean end.
            context.Abort();
            return Task.CompletedTask;
        }

        return writer.WriteAsync(context, status);
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
