namespace Gateway.Transforms.Preconditions;

/// <summary>
/// What the validator cache may record and when it may answer (RFC 9111 §3, §4.1, §5.2). Conservative: a directive
/// it does not understand in a place that could matter means "do not cache".
/// </summary>
internal static class ValidatorCacheRules
{
    /// <summary>
    /// Whether a 200 with these response fields may be recorded. Never with <c>no-store</c>, <c>no-cache</c> (also the
    /// qualified form), <c>Vary: *</c> or <c>Set-Cookie</c>; <c>private</c> only when the entry is keyed by a caller.
    /// </summary>
    /// <param name="cacheControl">The response's <c>Cache-Control</c> (field lines joined with commas), or null.</param>
    /// <param name="vary">The response's <c>Vary</c>, or null.</param>
    /// <param name="hasSetCookie">Whether the response sets a cookie.</param>
    /// <param name="keyedByCaller">Whether the entry's key holds the authenticated caller's identity.</param>
    public static bool CanRecord(string? cacheControl, string? vary, bool hasSetCookie, bool keyedByCaller)
    {
        if (hasSetCookie)
        {
            return false;
        }

        foreach (var directive in Elements(cacheControl))
        {
            var name = DirectiveName(directive);
            if (name.Equals("no-store", StringComparison.OrdinalIgnoreCase)
                || name.Equals("no-cache", StringComparison.OrdinalIgnoreCase)
                || (name.Equals("private", StringComparison.OrdinalIgnoreCase) && !keyedByCaller))
            {
                return false;
            }
        }

        foreach (var name in Elements(vary))
        {
            if (name is "*")
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The field names a <c>Vary</c> value lists (empty when null); call only when <see cref="CanRecord"/> held.</summary>
    public static string[] VaryNames(string? vary)
    {
        var names = new List<string>();
        foreach (var name in Elements(vary))
        {
            if (!names.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                names.Add(name);
            }
        }

        return [.. names];
    }

    /// <summary>
    /// Whether a request asks that no stored answer be used: <c>Cache-Control: no-cache</c> (RFC 9111 §5.2.1.4) or
    /// <c>Pragma: no-cache</c> (§5.4). Any mention of <c>no-cache</c> counts.
    /// </summary>
    public static bool RequestForbidsStoredAnswer(ReadOnlySpan<char> cacheControl, ReadOnlySpan<char> pragma) =>
        cacheControl.Contains("no-cache", StringComparison.OrdinalIgnoreCase) || pragma.Contains("no-cache", StringComparison.OrdinalIgnoreCase);

    private static string DirectiveName(string directive)
    {
        var equals = directive.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? directive : directive[..equals].TrimEnd();
    }

    // A comma-separated list's non-empty elements, trimmed (RFC 9110 §5.6.1). A quoted string holding a comma splits
    // into pieces; a piece can only add a "do not cache" reason, never remove one.
    private static string[] Elements(string? value) =>
        value is null ? [] : value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
