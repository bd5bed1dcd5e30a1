using Gateway.Configuration;
using Gateway.Transforms.Errors;

namespace Gateway.Tests.Gateway.Configuration;

public sealed class ResponseRuleValidatorTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void RuleWithoutPath_IsRefusedWithItsPath(string? path)
    {
        var problems = Validate(new ResponseRuleOptions { Path = path!, Status = 409 });

        var problem = Assert.Single(problems);
        Assert.Equal("Gateway:Routes:r:Rules:0:Path", problem.Path);
        Assert.StartsWith("is required", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RuleWithPath_IsAccepted() => Assert.Empty(Validate(new ResponseRuleOptions { Path = "/success", EqualTo = "false", Status = 409 }));

    private static List<ConfigProblem> Validate(ResponseRuleOptions rule)
    {
        var problems = new List<ConfigProblem>();
        ResponseRuleValidator.Validate(new RouteOptions { Rules = [rule] }, ErrorProfile.For(ErrorProfileKind.ProblemDetails), "Gateway:Routes:r", problems);
        return problems;
    }
}
