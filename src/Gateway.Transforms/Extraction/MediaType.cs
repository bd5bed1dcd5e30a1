namespace Gateway.Transforms.Extraction;

/// <summary>The parts of a <c>Content-Type</c> the normalizer needs: the media type and the charset.</summary>
internal readonly record struct MediaType(string Type, string? Charset)
{
    // Spelled exactly so (nearly every error), the parts are these strings rather than new ones per error.
    private static readonly string[] s_commonTypes =
    [
        "text/html", "application/json", "text/plain", "application/problem+json", "text/xml", "application/xml",
        "application/soap+xml", "application/xhtml+xml",
    ];

    private static readonly string[] s_commonCharsets = ["utf-8", "UTF-8", "iso-8859-1", "ISO-8859-1", "us-ascii"];

    public static MediaType Parse(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return new(string.Empty, null);
        }

        var span = contentType.AsSpan();
        var semicolon = span.IndexOf(';');
        var type = Common(s_commonTypes, (semicolon < 0 ? span : span[..semicolon]).Trim());
        string? charset = null;
        if (semicolon >= 0)
        {
            foreach (var range in span[(semicolon + 1)..].Split(';'))
            {
                var parameter = span[(semicolon + 1)..][range].Trim();
                if (parameter.StartsWith("charset=", StringComparison.OrdinalIgnoreCase))
                {
                    charset = Common(s_commonCharsets, parameter["charset=".Length..].Trim().Trim('"'));
                    break;
                }
            }
        }

        return new(type, charset);
    }

    private static string Common(string[] common, ReadOnlySpan<char> value)
    {
        foreach (var candidate in common)
        {
            if (value.SequenceEqual(candidate))
            {
                return candidate;
            }
        }

        return value.ToString();
    }

    /// <summary><c>application/json</c>, <c>text/json</c> or any <c>+json</c> type.</summary>
    public bool IsJson =>
        Type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        || Type.Equals("text/json", StringComparison.OrdinalIgnoreCase)
        || Type.EndsWith("+json", StringComparison.OrdinalIgnoreCase);

    public bool IsProblemJson => Type.Equals("application/problem+json", StringComparison.OrdinalIgnoreCase);

    public bool IsApplicationJson => Type.Equals("application/json", StringComparison.OrdinalIgnoreCase);

    public bool IsForm => Type.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    public bool IsHtml =>
        Type.Equals("text/html", StringComparison.OrdinalIgnoreCase)
        || Type.Equals("application/xhtml+xml", StringComparison.OrdinalIgnoreCase);
}
