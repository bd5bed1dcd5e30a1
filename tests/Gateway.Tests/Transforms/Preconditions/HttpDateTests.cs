using Gateway.Transforms.Preconditions;

namespace Gateway.Tests.Transforms.Preconditions;

public sealed class HttpDateTests
{
    private static readonly DateTimeOffset s_expected = new(1994, 11, 6, 8, 49, 37, TimeSpan.Zero);

    // RFC 9110 §5.6.7: the three forms a recipient must accept.
    [Theory]
    [InlineData("Sun, 06 Nov 1994 08:49:37 GMT")]
    [InlineData("Sunday, 06-Nov-94 08:49:37 GMT")]
    [InlineData("Sun Nov  6 08:49:37 1994")]
    [InlineData("  Sun, 06 Nov 1994 08:49:37 GMT ")]
    public void TryParse_AcceptedForms(string value)
    {
        Assert.True(HttpDate.TryParse(value, out var date));
        Assert.Equal(s_expected, date);
    }

    [Theory]
    [InlineData("Sun, 06 Nov 1994 08:49:37 GMT, Mon, 07 Nov 1994 08:49:37 GMT")]
    [InlineData("yesterday")]
    [InlineData("1994-11-06T08:49:37Z")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_NotADate_ReturnsFalse(string? value) => Assert.False(HttpDate.TryParse(value, out _));

    [Fact]
    public void Format_IsImfFixdate() => Assert.Equal("Sun, 06 Nov 1994 08:49:37 GMT", HttpDate.Format(s_expected));
}
