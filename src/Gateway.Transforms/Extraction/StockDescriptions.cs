namespace Gateway.Transforms.Extraction;

/// <summary>The descriptions web servers and frameworks print under a status headline by default (Apache httpd,
/// Werkzeug/Flask): they name the situation in browser terms, never the application's reason.</summary>
internal static class StockDescriptions
{
    private static readonly string[] s_prefixes =
    [
        "The requested URL ", // Apache and Werkzeug 404, Apache 405/414
        "Your browser sent a request", // Apache 400
        "The browser (or proxy) sent a request", // Werkzeug 400
        "The server encountered an internal error", // Apache and Werkzeug 500
        "The server could not verify that you are authorized", // Werkzeug 401
        "This server could not verify that you are authorized", // Apache 401
        "You don't have permission to access", // Apache 403
        "You don't have the permission to access", // Werkzeug 403
        "The method is not allowed for the requested URL", // Werkzeug 405
        "The requested method ", // Apache 405
        "The server is temporarily unable to service your request", // Apache 503
        "The server cannot process the request because it is malformed", // Werkzeug 400 (JSON)
        "A conflict happened while processing the request", // Werkzeug 409
        "The server does not support the media type", // Werkzeug 415
        "This user has exceeded an allotted request count", // Werkzeug 429
        "The requested resource ", // Werkzeug 410, 501
        "The data value transmitted exceeds the capacity limit", // Werkzeug 413
        "The server was unable to process the request", // Werkzeug 422 and friends
        "The proxy server received an invalid response", // Apache 502
        "The gateway did not receive a timely response", // Apache 504
    ];

    /// <summary>Whether the text starts as one of the stock descriptions (ordinal, ignoring case, any run of white space
    /// as one space: Apache breaks its paragraphs across lines).</summary>
    public static bool IsStock(string text)
    {
        text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        foreach (var prefix in s_prefixes)
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
