using Gateway.Middleware;

namespace Gateway.Tests.Gateway;

public sealed class CorrelationIdTests
{
    [Theory]
    [InlineData("abc", true)]
    [InlineData("0HNQ9G15E2BD3:00000001", true)]
    [InlineData("a_b-c.d", true)]
    [InlineData("", false)]
    [InlineData("has space", false)]
    [InlineData("new\nline", false)]
    [InlineData("semi;colon", false)]
    [InlineData("caf\u00e9", false)]
    public void IsWellFormed_Cases(string value, bool expected) =>
        Assert.Equal(expected, CorrelationId.IsWellFormed(value));

    [Fact]
    public void IsWellFormed_LengthBoundary()
    {
        Assert.True(CorrelationId.IsWellFormed(new string('a', CorrelationId.MaxLength)));
        Assert.False(CorrelationId.IsWellFormed(new string('a', CorrelationId.MaxLength + 1)));
    }

    [Fact]
    public void NewId_IsWellFormedAndUnique()
    {
        var a = CorrelationId.NewId();
        Assert.True(CorrelationId.IsWellFormed(a));
        Assert.NotEqual(a, CorrelationId.NewId());
    }
}
