using Gateway.Transforms.Headers;

namespace Gateway.Tests.Transforms.Headers;

public sealed class RetryAfterValueTests
{
    private static readonly DateTimeOffset s_now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("30", "30")]
    [InlineData(" 120 ", "120")]
    [InlineData("007", "7")]
    [InlineData("1", "1")]
    [InlineData("Mon, 07 Dec 2026 12:00:30 GMT", "30")] // an HTTP-date: the seconds left until it
    [InlineData("Mon, 07 Dec 2026 12:01:00 GMT", "60")]
    public void ForTooManyRequests_UsableUpstreamValue_IsKeptAsDelaySeconds(string upstream, string expected) =>
        Assert.Equal(expected, RetryAfterValue.ForTooManyRequests(upstream, s_now));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0")] // still limited: retrying at once only meets another 429
    [InlineData("000")]
    [InlineData("-5")]
    [InlineData("1.5")]
    [InlineData("soon")]
    [InlineData("Mon, 07 Dec 2026 11:59:00 GMT")] // a date already past
    [InlineData("Mon, 07 Dec 2026 12:00:00 GMT")]
    public void ForTooManyRequests_NoUsableUpstreamValue_IsOneSecond(string? upstream) =>
        Assert.Equal("1", RetryAfterValue.ForTooManyRequests(upstream, s_now));
}
