using System.Globalization;
using System.Text.RegularExpressions;

namespace Gateway.IntegrationTests.Infrastructure;

/// <summary>
/// Reads <c>RateLimit-Policy</c> and <c>RateLimit</c> as draft-ietf-httpapi-ratelimit-headers (-10/-11) defines them:
/// an RFC 9651 list whose items are Strings with Integer (or String) parameters. Anything else fails the test.
/// </summary>
public static partial class RateLimitFields
{
    /// <summary>One item: the policy name and its parameters.</summary>
    public sealed record Item(string Name, IReadOnlyDictionary<string, string> Parameters)
    {
        public long Number(string key) => long.Parse(Parameters[key], CultureInfo.InvariantCulture);
    }

    public static Item Policy(HttpResponseMessage response) => Single(response, "RateLimit-Policy", required: ["q"], allowed: ["q", "qu", "w", "pk"]);

    public static Item Limit(HttpResponseMessage response) => Single(response, "RateLimit", required: ["r"], allowed: ["r", "t", "pk"]);

    public static bool Present(HttpResponseMessage response) =>
        response.Headers.Contains("RateLimit") || response.Headers.Contains("RateLimit-Policy");

    /// <summary>Retry-After as delay-seconds (the gateway never sends an HTTP-date).</summary>
    public static long RetryAfterSeconds(HttpResponseMessage response)
    {
        var value = Assert.Single(response.Headers.GetValues("Retry-After"));
        Assert.Matches("^[0-9]+$", value);
        return long.Parse(value, CultureInfo.InvariantCulture);
    }

    private static Item Single(HttpResponseMessage response, string field, string[] required, string[] allowed)
    {
        var value = Assert.Single(response.Headers.GetValues(field));
        var match = ItemSyntax().Match(value);
        Assert.True(match.Success, $"{field}: '{value}' is not a structured-field list item with a String value");
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Capture capture in match.Groups["param"].Captures)
        {
            var parts = capture.Value[1..].Split('=', 2);
            Assert.True(parameters.TryAdd(parts[0], parts[1].Trim('"')), $"{field}: parameter {parts[0]} repeated");
        }

        foreach (var key in required)
        {
            Assert.True(parameters.ContainsKey(key), $"{field}: required parameter '{key}' missing in '{value}'");
        }

        Assert.All(parameters.Keys, k => Assert.Contains(k, allowed));
        foreach (var key in new[] { "q", "w", "r", "t" })
        {
            if (parameters.TryGetValue(key, out var number))
            {
                // sf-integer, non-negative; "w" must also be non-zero.
                Assert.Matches("^[0-9]{1,15}$", number);
                Assert.True(key != "w" || long.Parse(number, CultureInfo.InvariantCulture) > 0, $"{field}: w must be > 0");
            }
        }

        var name = match.Groups["name"].Value.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
        return new Item(name, parameters);
    }

    // sf-string item; parameters ;key=value where key is lcalpha... and value an integer or a string.
    [GeneratedRegex("""^"(?<name>(?:[\x20\x21\x23-\x5B\x5D-\x7E]|\\["\\])*)"(?<param>;[a-z*][a-z0-9_.*-]*=(?:-?[0-9]{1,15}|"(?:[\x20\x21\x23-\x5B\x5D-\x7E]|\\["\\])*"))*$""")]
    private static partial Regex ItemSyntax();
}
