using System.Globalization;

namespace Gateway.Transforms.Preconditions;

/// <summary>Parses HTTP-dates (RFC 9110 §5.6.7): IMF-fixdate, and the obsolete RFC 850 and asctime forms a recipient must accept.</summary>
internal static class HttpDate
{
    private static readonly string[] s_formats =
    [
        "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",   // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
        "dddd, dd'-'MMM'-'yy HH':'mm':'ss 'GMT'", // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT
        "ddd MMM d HH':'mm':'ss yyyy",            // asctime: Sun Nov  6 08:49:37 1994
    ];

    /// <summary>The date in UTC, or false when the value is absent, not a date, or a list of dates.</summary>
    public static bool TryParse(string? value, out DateTimeOffset date)
    {
        date = default;
        return value is not null && DateTimeOffset.TryParseExact(
            value.Trim(),
            s_formats,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AllowInnerWhite | DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out date);
    }

    /// <summary>The IMF-fixdate form of a date, for <c>Last-Modified</c>-style fields.</summary>
    public static string Format(DateTimeOffset date) => date.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture);
}
