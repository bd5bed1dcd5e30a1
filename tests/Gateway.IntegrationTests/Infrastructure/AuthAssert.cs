using System.Net.Http.Headers;

namespace Gateway.IntegrationTests.Infrastructure;

/// <summary>Checks of the gateway's own 400/401/403 answers.</summary>
public static class AuthAssert
{
    /// <summary>EdFi 401: no body, no-store, a correlation id, and the challenges.</summary>
    public static async Task<string[]> EdFi401Async(HttpResponseMessage response, string? error = null)
    {
        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Single(response.Headers.GetValues("X-Correlation-Id"));
        var challenges = Challenges(response);
        var bearer = Assert.Single(challenges, c => c.StartsWith("Bearer ", StringComparison.Ordinal));
        if (error is null)
        {
            Assert.DoesNotContain("error=", bearer, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains($"error=\"{error}\"", bearer, StringComparison.Ordinal);
        }

        return challenges;
    }

    public static string[] Challenges(HttpResponseMessage response) =>
        response.Headers.WwwAuthenticate.Select(FormatChallenge).ToArray();

    /// <summary>The upstream never saw a request whose path contains the marker.</summary>
    public static void NotForwarded(FakeLegacyUpstream upstream, string marker) =>
        Assert.DoesNotContain(upstream.Requests, r => r.PathAndQuery.Contains(marker, StringComparison.Ordinal));

    public static SeenRequest Forwarded(FakeLegacyUpstream upstream, string marker) =>
        Assert.Single(upstream.Requests, r => r.PathAndQuery.Contains(marker, StringComparison.Ordinal));

    private static string FormatChallenge(AuthenticationHeaderValue value) =>
        value.Parameter is null ? value.Scheme : $"{value.Scheme} {value.Parameter}";
}
