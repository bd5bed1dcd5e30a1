using Gateway.Configuration;

namespace Gateway.Tests.Gateway.Configuration;

public sealed class RequestHeaderOptionsTests
{
    [Fact]
    public void BadHeaderNames_AreProblemsWithTheirPath()
    {
        var options = new GatewayOptions { StripRequestHeaders = ["X-Ok", "bad name"], KeepRequestHeaders = ["X-Real-IP", ""] };
        var problems = new List<ConfigProblem>();

        GatewayOptionsValidator.Validate(options, [], problems);

        Assert.Contains(problems, p => p.Path == "Gateway:StripRequestHeaders:1");
        Assert.Contains(problems, p => p.Path == "Gateway:KeepRequestHeaders:1");
        Assert.DoesNotContain(problems, p => p.Path is "Gateway:StripRequestHeaders:0" or "Gateway:KeepRequestHeaders:0");
    }
}
