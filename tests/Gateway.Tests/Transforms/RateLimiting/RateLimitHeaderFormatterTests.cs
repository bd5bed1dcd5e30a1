using Gateway.Transforms.RateLimiting;

namespace Gateway.Tests.Transforms.RateLimiting;

public sealed class RateLimitHeaderFormatterTests
{
    [Theory]
    [InlineData("default", 100, 60L, null, "\"default\";q=100;w=60")]
    [InlineData("pair", 2, null, "concurrent-requests", "\"pair\";q=2;qu=\"concurrent-requests\"")]
    [InlineData("odd\"name\\", 1, 0L, null, "\"odd\\\"name\\\\\";q=1;w=1")]
    [InlineData("t\u00e9st", 5, 10L, null, "\"t?st\";q=5;w=10")]
    public void Policy_IsAStructuredFieldItem(string name, long quota, long? window, string? unit, string expected)
    {
        Assert.Equal(expected, RateLimitHeaderFormatter.Policy(name, quota, window, unit));
    }

    [Theory]
    [InlineData("default", 50, 30L, "\"default\";r=50;t=30")]
    [InlineData("default", -3, -1L, "\"default\";r=0;t=0")]
    [InlineData("pair", 1, null, "\"pair\";r=1")]
    [InlineData("odd\"name\\", 7, 3L, "\"odd\\\"name\\\\\";r=7;t=3")]
    [InlineData("t\u00e9st", 5, null, "\"t?st\";r=5")]
    [InlineData("tab\tname", 5, null, "\"tab?name\";r=5")]
    [InlineData("a-policy-name-that-is-longer-than-the-stack-buffer-takes-0123456789-abcdefghij", 9223372036854775807, 9223372036854775807L,
        "\"a-policy-name-that-is-longer-than-the-stack-buffer-takes-0123456789-abcdefghij\";r=9223372036854775807;t=9223372036854775807")]
    public void Limit_IsAStructuredFieldItem(string name, long remaining, long? reset, string expected)
    {
        Assert.Equal(expected, RateLimitHeaderFormatter.Limit(name, remaining, reset));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(999, 1)]
    [InlineData(1000, 1)]
    [InlineData(1001, 2)]
    [InlineData(-5, 0)]
    public void ToDelaySeconds_RoundsUp(long ms, long expected)
    {
        Assert.Equal(expected, RateLimitHeaderFormatter.ToDelaySeconds(ms));
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(7, "7")]
    [InlineData(1023, "1023")]
    [InlineData(1024, "1024")]
    [InlineData(86_400, "86400")]
    [InlineData(-3, "0")]
    public void Integer_FormatsNonNegative(long value, string expected)
    {
        Assert.Equal(expected, RateLimitHeaderFormatter.Integer(value));
    }

    [Fact]
    public void Integer_SmallValues_SameStringEachTime()
    {
        Assert.Same(RateLimitHeaderFormatter.Integer(42), RateLimitHeaderFormatter.Integer(42));
    }
}
