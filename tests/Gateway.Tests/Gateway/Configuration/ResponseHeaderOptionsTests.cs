using Gateway.Configuration;

namespace Gateway.Tests.Gateway.Configuration;

public sealed class ResponseHeaderOptionsTests
{
    // A trailing '*' names a family; '*' alone would strip Content-Type and every other header, one inside a name is a typo.
    [Fact]
    public void StripResponseHeaders_StarOnlyAtTheEndOfAName()
    {
        var options = new GatewayOptions { StripResponseHeaders = ["X-Internal-Build", "X-Internal-*", "*", "X-*-Node", "bad name"] };
        var problems = new List<ConfigProblem>();

        GatewayOptionsValidator.Validate(options, [], problems);

        Assert.Equal(
            ["Gateway:StripResponseHeaders:2", "Gateway:StripResponseHeaders:3", "Gateway:StripResponseHeaders:4"],
            problems.Select(p => p.Path).Order(StringComparer.Ordinal));
        Assert.Contains("would remove every header", problems[0].Message, StringComparison.Ordinal);
    }
}
