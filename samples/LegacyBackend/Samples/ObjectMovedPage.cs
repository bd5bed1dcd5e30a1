using System.Net;

namespace LegacyBackend.Samples;

/// <summary>The little HTML body ASP.NET's Response.Redirect sends along with a 302.</summary>
internal static class ObjectMovedPage
{
    public static string Render(string location)
    {
        var href = WebUtility.HtmlEncode(location);
        return $"""
            <html><head><title>Object moved</title></head><body>
            <h2>Object moved to <a href="{href}">here</a>.</h2>
            </body></html>

            """;
    }
}
