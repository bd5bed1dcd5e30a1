using System.Collections.Frozen;
using System.Security.Claims;
using Gateway.Auth.Authorization;

namespace Gateway.Tests.Gateway.Auth;

public sealed class AccessRequirementTests
{
    [Fact]
    public void Scopes_AllRequired_MissingOnesNamed()
    {
        var requirement = new AccessRequirement("p", ["a", "b", "c"], [], []);

        var denial = requirement.Evaluate(User(("scope", "b")));

        Assert.NotNull(denial);
        Assert.Equal(["a", "b", "c"], denial.RequiredScopes); // the challenge's scope: what a token needs
        Assert.Equal("The credentials lack the scopes this resource requires: a, c.", denial.ClientMessage);
        Assert.Null(requirement.Evaluate(User(("scope", "a"), ("scope", "b"), ("scope", "c"))));
    }

    [Fact]
    public void Roles_AnyOne_NotNamedToTheClient()
    {
        var requirement = new AccessRequirement("p", [], ["admin", "ops"], []);

        var denial = requirement.Evaluate(User(("role", "viewer")));

        Assert.NotNull(denial);
        Assert.DoesNotContain("admin", denial.ClientMessage, StringComparison.Ordinal);
        Assert.Contains("admin, ops", denial.LogText, StringComparison.Ordinal);
        Assert.Null(requirement.Evaluate(User(("role", "ops"))));
    }

    [Theory]
    [InlineData("d1", true)]
    [InlineData("d2", true)]
    [InlineData("d3", false)]
    public void Claims_OneOfTheValues(string tenant, bool allowed)
    {
        var requirement = new AccessRequirement("p", [], [], [new("tenant", new[] { "d1", "d2" }.ToFrozenSet())]);

        Assert.Equal(allowed, requirement.Evaluate(User(("tenant", tenant))) is null);
    }

    [Fact]
    public void Claims_AnyValue_WhenListIsStar()
    {
        var requirement = new AccessRequirement("p", [], [], [new("tenant", null)]);

        Assert.Null(requirement.Evaluate(User(("tenant", "whatever"))));
        Assert.Equal("The credentials lack a claim this resource requires.", requirement.Evaluate(User(("other", "x")))?.ClientMessage);
    }

    private static ClaimsPrincipal User(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "test"));
}
