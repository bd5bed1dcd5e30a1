namespace LegacyBackend.Samples;

/// <summary>Express's default error handler with NODE_ENV left unset, so the stack is shown.</summary>
internal static class ExpressError
{
    public const string Body = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>Error</title>
        </head>
        <body>
        <pre>TypeError: Cannot read properties of undefined (reading 'id')
            at /home/app/src/routes/students.js:27:31
            at Layer.handle [as handle_request] (/home/app/node_modules/express/lib/router/layer.js:95:5)
            at next (/home/app/node_modules/express/lib/router/route.js:149:13)
            at Route.dispatch (/home/app/node_modules/express/lib/router/route.js:119:3)
            at Layer.handle [as handle_request] (/home/app/node_modules/express/lib/router/layer.js:95:5)
            at /home/app/node_modules/express/lib/router/index.js:284:15
            at param (/home/app/node_modules/express/lib/router/index.js:365:14)
            at Function.process_params (/home/app/node_modules/express/lib/router/index.js:421:3)
            at next (/home/app/node_modules/express/lib/router/index.js:280:10)
            at Function.handle (/home/app/node_modules/express/lib/router/index.js:175:3)</pre>
        </body>
        </html>
        """;
}
