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

    // The first match wins, so a rule shadowed by an earlier one for all its statuses never runs: refused, not ignored.
    [Theory]
    [InlineData("/success", "false", null, new int[0], "/success", "false", null, new int[0])]
    [InlineData("/success", "false", null, new[] { 200, 201 }, "/success", "false", null, new[] { 200 })]
    [InlineData("/success", null, null, new int[0], "/success", "false", null, new int[0])]
    [InlineData("/error", null, false, new int[0], "/error", null, false, new[] { 200 })]
    public void RuleShadowedByAnEarlierOne_IsRefusedWithItsPath(
        string firstPath, string? firstEquals, bool? firstExists, int[] firstStatuses, string path, string? equals, bool? exists, int[] statuses)
    {
        var problems = Validate(
            new ResponseRuleOptions { Path = firstPath, EqualTo = firstEquals, Exists = firstExists, WhenStatus = [.. firstStatuses], Status = 404 },
            new ResponseRuleOptions { Path = path, EqualTo = equals, Exists = exists, WhenStatus = [.. statuses], Status = 409 });

        var problem = Assert.Single(problems);
        Assert.Equal("Gateway:Routes:r:Rules:1", problem.Path);
        Assert.StartsWith("never matches: rule 0", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/success", "false", null, new[] { 200 }, "/success", "false", null, new[] { 200, 201 })]
    [InlineData("/success", "false", null, new int[0], "/success", "0", null, new int[0])]
    [InlineData("/success", "false", null, new int[0], "/success", null, null, new int[0])]
    [InlineData("/error", null, false, new int[0], "/error", null, true, new int[0])]
    [InlineData("/error", null, null, new int[0], "/errors", null, null, new int[0])]
    public void RuleThatCanStillMatch_IsAccepted(
        string firstPath, string? firstEquals, bool? firstExists, int[] firstStatuses, string path, string? equals, bool? exists, int[] statuses) =>
        Assert.Empty(Validate(
            new ResponseRuleOptions { Path = firstPath, EqualTo = firstEquals, Exists = firstExists, WhenStatus = [.. firstStatuses], Status = 404 },
            new ResponseRuleOptions { Path = path, EqualTo = equals, Exists = exists, WhenStatus = [.. statuses], Status = 409 }));

    private static List<ConfigProblem> Validate(params ResponseRuleOptions[] rules)
    {
        var problems = new List<ConfigProblem>();
        ResponseRuleValidator.Validate(new RouteOptions { Rules = [.. rules] }, ErrorProfile.For(ErrorProfileKind.ProblemDetails), "Gateway:Routes:r", problems);
        return problems;
    }
}
