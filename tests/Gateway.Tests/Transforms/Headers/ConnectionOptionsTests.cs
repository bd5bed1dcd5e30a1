using Gateway.Transforms.Headers;

namespace Gateway.Tests.Transforms.Headers;

public sealed class ConnectionOptionsTests
{
    [Theory]
    [InlineData("keep-alive", "")]
    [InlineData("close", "")]
    [InlineData("Upgrade", "")]
    [InlineData("TE, close", "")]
    [InlineData("close, X-Hop-Secret, X-Correlation-Id", "X-Hop-Secret|X-Correlation-Id")]
    [InlineData("keep-alive, X-Internal-Node , x-db-time,Content-Type", "X-Internal-Node|x-db-time|Content-Type")]
    [InlineData(" ,, X-A ,", "X-A")]
    [InlineData("X-A B, X-(c), X-D", "X-D")] // not tokens: skipped
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Names_AreTheNominatedHeaderNames(string? value, string expected)
    {
        var names = new List<string>();
        foreach (var name in ConnectionOptions.Names(value))
        {
            names.Add(name.ToString());
        }

        Assert.Equal(expected, string.Join('|', names));
    }
}
