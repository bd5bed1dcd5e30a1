namespace Gateway.Transforms.Extraction;

/// <summary>The parts of a <c>Content-Type</c> the normalizer needs: the media type and the charset.</summary>
internal readonly record struct MediaType(string Type, string? Charset)
{
    public static MediaType Parse(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return new(string.Empty, null);
        }

        var span = contentType.AsSpan();
        var semicolon = span.IndexOf(';');
        var type = (semicolon < 0 ? span : span[..semicolon]).Trim().ToString();
        string? charset = null;
        if (semicolon >= 0)
        {
            foreach (var range in span[(semicolon + 1)..].Split(';'))
            {
                var parameter = span[(semicolon + 1)..][range].Trim();
                if (parameter.StartsWith("charset=", StringComparison.OrdinalIgnoreCase))
                {
                    charset = parameter["charset=".Length..].Trim().Trim('"').ToString();
                    break;
                }
            }
        }

        return new(type, charset);
    }

    /// <summary><c>application/json</c>, <c>text/json</c> or any <c>+json</c> type.</summary>
    public bool IsJson =>
        Type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        || Type.Equals("text/json", StringComparison.OrdinalIgnoreCase)
        || Type.EndsWith("+json", StringComparison.OrdinalIgnoreCase);

    public bool IsProblemJson => Type.Equals("application/problem+json", StringComparison.OrdinalIgnoreCase);

    public bool IsApplicationJson => Type.Equals("application/json", StringComparison.OrdinalIgnoreCase);

    public bool IsHtml =>
        Type.Equals("text/html", StringComparison.OrdinalIgnoreCase)
        || Type.Equals("application/xhtml+xml", StringComparison.OrdinalIgnoreCase);
}
