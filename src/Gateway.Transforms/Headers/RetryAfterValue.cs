using System.Globalization;

namespace Gateway.Transforms.Headers;

/// <summary>
/// The <c>Retry-After</c> a 429 leaves with. Behaviour.md §3 gives every 429 one, and legacy backends throttle without
/// it, with <c>0</c> (retry at once, though still limited) or with text no client parses.
/// </summary>
internal static class RetryAfterValue
{
    /// <summary>When the upstream gave no usable time: soon, as for a concurrency limit.</summary>
    public const string Soon = "1";

    /// <summary>
    /// The value to send with a 429: the upstream's delay-seconds when at least 1; an HTTP-date as the delay-seconds left
    /// until it (rounded up; the client's clock is not the upstream's); otherwise <see cref="Soon"/>.
    /// </summary>
    public static string ForTooManyRequests(string? upstream, DateTimeOffset now)
    {
        var value = upstream?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return Soon;
        }

        // RFC 9110 §10.2.3: delay-seconds = 1*DIGIT.
        if (value.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0)
        {
            var significant = value.TrimStart('0');
            return significant.Length == 0 ? Soon : significant;
        }

        if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            var seconds = Math.Ceiling((date - now).TotalSeconds);
            return seconds >= 1 ? ((long)Math.Min(seconds, int.MaxValue)).ToString(CultureInfo.InvariantCulture) : Soon;
        }

        return Soon;
    }
}
