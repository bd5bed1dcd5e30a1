using System.Globalization;
using System.Text;

namespace Gateway.Transforms.RateLimiting;

/// <summary>
/// Field values of draft-ietf-httpapi-ratelimit-headers (-10/-11): <c>RateLimit-Policy: "name";q=100;w=60</c> and
/// <c>RateLimit: "name";r=42;t=17</c>, as RFC 9651 structured-field lists with a String item per policy.
/// </summary>
internal static class RateLimitHeaderFormatter
{
    public const string PolicyHeader = "RateLimit-Policy";
    public const string LimitHeader = "RateLimit";

    // The earlier drafts' (-03 to -06) separate fields, which Kong and Envoy send and many clients still read.
    public const string QuotaHeader = "RateLimit-Limit";
    public const string RemainingHeader = "RateLimit-Remaining";
    public const string ResetHeader = "RateLimit-Reset";

    /// <summary>The draft's quota unit for concurrency limits (the default unit, "requests", is left out).</summary>
    public const string ConcurrentRequests = "concurrent-requests";

    private const int MaxStackName = 64;
    private const int SmallIntegers = 1024;

    private static readonly string[] s_small = Enumerable.Range(0, SmallIntegers).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
    private const int StackBuffer = 128;

    /// <summary>A quota policy item: <c>q</c> quota units per <c>w</c> seconds (<c>w</c> left out when time plays no part).</summary>
    public static string Policy(string name, long quota, long? windowSeconds, string? quotaUnit = null)
    {
        var builder = new StringBuilder(48);
        AppendString(builder, name);
        builder.Append(";q=").Append(quota.ToString(CultureInfo.InvariantCulture));
        if (quotaUnit is not null)
        {
            builder.Append(";qu=");
            AppendString(builder, quotaUnit);
        }

        if (windowSeconds is { } w)
        {
            builder.Append(";w=").Append(Math.Max(1, w).ToString(CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    /// <summary>A service limit item: <c>r</c> units available, for the next <c>t</c> seconds (when known).</summary>
    public static string Limit(string name, long remaining, long? resetSeconds)
    {
        // Written on every limited response: a name that needs no escaping (nearly all) is formatted on the stack.
        if (name.Length <= MaxStackName && !NeedsEscaping(name))
        {
            return resetSeconds is { } reset
                ? string.Create(CultureInfo.InvariantCulture, stackalloc char[StackBuffer], $"\"{name}\";r={Math.Max(0, remaining)};t={Math.Max(0, reset)}")
                : string.Create(CultureInfo.InvariantCulture, stackalloc char[StackBuffer], $"\"{name}\";r={Math.Max(0, remaining)}");
        }

        var builder = new StringBuilder(40);
        AppendString(builder, name);
        builder.Append(";r=").Append(Math.Max(0, remaining).ToString(CultureInfo.InvariantCulture));
        if (resetSeconds is { } t)
        {
            builder.Append(";t=").Append(Math.Max(0, t).ToString(CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    /// <summary>A non-negative integer field value (<c>RateLimit-Remaining</c>, <c>RateLimit-Reset</c>); small ones are not allocated per response.</summary>
    public static string Integer(long value) =>
        value is >= 0 and < SmallIntegers ? s_small[value] : Math.Max(0, value).ToString(CultureInfo.InvariantCulture);

    /// <summary>Milliseconds as delay-seconds (RFC 9110 §10.2.3), rounded up so a client never comes back too early.</summary>
    public static long ToDelaySeconds(long milliseconds) => milliseconds <= 0 ? 0 : (milliseconds + 999) / 1000;

    private static bool NeedsEscaping(ReadOnlySpan<char> value) =>
        value.ContainsAnyExceptInRange(' ', '~') || value.ContainsAny('"', '\\');

    // RFC 9651 §4.1.6: printable ASCII, with DQUOTE and backslash escaped; anything else is replaced.
    private static void AppendString(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                builder.Append('\\').Append(c);
            }
            else
            {
                builder.Append(c is >= ' ' and <= '~' ? c : '?');
            }
        }

        builder.Append('"');
    }
}
