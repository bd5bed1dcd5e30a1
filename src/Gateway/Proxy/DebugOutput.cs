using Gateway.Configuration;
using Gateway.Transforms.Errors;

namespace Gateway.Proxy;

/// <summary>
/// What makes a success body a crash in disguise (<c>RejectDebugOutput</c>): a stack trace, a framework's debug page or
/// a SQL error. Paths, host names and exception names alone do not count: ordinary data mentions them.
/// </summary>
internal static class DebugOutput
{
    public const LeakKinds Kinds = LeakKinds.StackTrace | LeakKinds.DebugPage | LeakKinds.SqlError;

    /// <summary>Every leak the classifier finds in the body when it carries debug output; otherwise none.</summary>
    /// <remarks>The error classifier reads it as it would a 500's body: entities and JSON escapes decoded, HTML
    /// headlines and JSON messages included.</remarks>
    public static LeakKinds Find(string? contentType, ReadOnlySpan<byte> body, bool truncated, RoutePolicy policy)
    {
        var leaks = ErrorNormalizer.Normalize(500, contentType, body, truncated, policy.Profile, policy.NormalizerSettings).Leaks;
        return (leaks & Kinds) != 0 ? leaks : LeakKinds.None;
    }

    /// <summary>Whether a success body of this media type can carry text a person reads (no content type counts: old
    /// scripts send none).</summary>
    public static bool IsTextual(string? mediaType) =>
        mediaType is null
        || mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
        || mediaType.EndsWith("/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
        || mediaType.EndsWith("/xml", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+xml", StringComparison.OrdinalIgnoreCase)
        || mediaType.Equals("application/javascript", StringComparison.OrdinalIgnoreCase);
}
