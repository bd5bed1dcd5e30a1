using System.Net;
using System.Text.RegularExpressions;
using Gateway.Transforms.Extraction;
using Gateway.Transforms.Scrubbing;

namespace Gateway.Transforms.Errors;

/// <summary>
/// Scans a message as a reader sees it once its escapes are decoded (JSON's escapes, HTML entities, percent-encoding).
/// A message taken as a text line from a body that failed to parse (JSON behind a few mis-encoded bytes) keeps them,
/// and they hide exactly the characters the leak patterns anchor on: quotes, slashes, '&lt;'.
/// </summary>
internal static partial class EscapedText
{
    public static LeakKinds Scan(string message)
    {
        var leaks = LeakKinds.None;
        if (message.Contains('\\', StringComparison.Ordinal))
        {
            var decoded = message.ToCharArray();
            leaks |= LeakScanner.Scan(decoded.AsSpan(0, JsonEscapes.Unescape(decoded)));
        }

        if (message.Contains('&', StringComparison.Ordinal))
        {
            leaks |= LeakScanner.Scan(WebUtility.HtmlDecode(message));
        }

        // A URL or value echoed percent-encoded ("redirect_uri http%3A%2F%2F10.0.0.5%3A8080%2Fcb") hides its host and path.
        if (message.Contains('%', StringComparison.Ordinal) && PercentEscape.IsMatch(message))
        {
            leaks |= LeakScanner.Scan(Uri.UnescapeDataString(message));
        }

        return leaks;
    }

    [GeneratedRegex("%[0-9A-Fa-f]{2}", RegexOptions.CultureInvariant)]
    private static partial Regex PercentEscape { get; }
}
