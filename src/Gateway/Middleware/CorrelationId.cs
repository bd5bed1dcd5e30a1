namespace Gateway.Middleware;

/// <summary>Correlation id rules: a client's id is kept only when well formed, so logs cannot be forged or flooded.</summary>
internal static class CorrelationId
{
    public const int MaxLength = 128;

    public static bool IsWellFormed(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty || value.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
            {
                return false;
            }
        }

        return true;
    }

    public static string NewId() => Guid.NewGuid().ToString("N");
}
