using System.Text;

namespace Bench.Soak;

/// <summary>
/// Looks for the upstream's leaks in what the gateway answered: the same kinds of markers as the integration tests
/// (stack frames, exception type names, SQL error text, paths, connection strings, internal hosts, stack headers).
/// None of them occur in the upstream's clean bodies, so any hit is a leak.
/// </summary>
internal static class LeakCheck
{
    private static readonly string[] s_bodyMarkers =
    [
        "Exception", "exception", "   at ", "\tat ", "lambda_method", ".cs:", ".java:", "Traceback", "File \"", ".py\"",
        "SqlClient", "Invalid object name", "PK_Student", "dbo.", "ClientConnectionId", "Error Number",
        "C:\\", "/srv/", "Server=", "Password=", "db-internal", "corp.internal", "sis-app-03",
        "Server Error in", "Version Information", "faultstring", "soap:", "<html", "<H1>", "StudentsController",
    ];

    private static readonly string[] s_leakyHeaders =
        ["Server", "X-Powered-By", "X-AspNet-Version", "X-AspNetMvc-Version", "X-SourceFiles", "X-Internal-Build"];

    /// <summary>The first marker found in the response's headers or body, or null when it is clean.</summary>
    public static string? Find(HttpResponseMessage response, byte[] body)
    {
        var headers = response.Headers.Concat(response.Content.Headers).ToArray();
        foreach (var (name, values) in headers)
        {
            if (s_leakyHeaders.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                return $"header {name}";
            }

            if (values.Select(FindMarker).FirstOrDefault(m => m is not null) is { } marker)
            {
                return $"header {name}: {marker}";
            }
        }

        return FindMarker(Encoding.UTF8.GetString(body)) is { } found ? $"body: {found}" : null;
    }

    private static string? FindMarker(string text)
    {
        foreach (var marker in s_bodyMarkers)
        {
            if (text.Contains(marker, StringComparison.Ordinal))
            {
                return marker;
            }
        }

        return null;
    }
}
