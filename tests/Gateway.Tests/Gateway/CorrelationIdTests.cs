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

    [Fact]
    public void NewId_VersionFourUuidInHex_NoRepeatsAcrossThreads()
    {
        var ids = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 8, _ =>
        {
            for (var i = 0; i < 25_000; i++)
            {
                ids.Add(CorrelationId.NewId());
            }
        });

        Assert.Equal(200_000, ids.Distinct(StringComparer.Ordinal).Count());
        foreach (var id in ids.Take(1000))
        {
            Assert.Matches("^[0-9a-f]{12}4[0-9a-f]{3}[89ab][0-9a-f]{15}$", id);
            Assert.Equal(4, Guid.ParseExact(id, "N").Version);
        }
    }
}
