using Gateway.Transforms.Preconditions;

namespace Gateway.Tests.Transforms.Preconditions;

public sealed class IfNoneMatchMatcherTests
{
    // Each row is also checked against ParseList + Matches (weak), the evaluator's answer.
    [Theory]
    [InlineData("\"a\"", "\"a\"", true)]
    [InlineData("W/\"a\"", "\"a\"", true)]
    [InlineData("\"b\", \"a\"", "\"a\"", true)]
    [InlineData("\"b\",W/\"a\"", "\"a\"", true)]
    [InlineData(" , \"a\" ,, ", "\"a\"", true)]
    [InlineData("*", "\"a\"", true)]
    [InlineData(" * ", "\"a\"", true)]
    [InlineData("\"b\"", "\"a\"", false)]
    [InlineData("\"A\"", "\"a\"", false)]
    [InlineData("\"a\" \"b\"", "\"a\"", false)]
    [InlineData("\"a\", b", "\"a\"", false)]
    [InlineData("\"a", "\"a\"", false)]
    [InlineData("*, \"a\"", "\"a\"", false)]
    [InlineData("a", "\"a\"", false)]
    [InlineData("", "\"a\"", false)]
    [InlineData(",", "\"a\"", false)]
    [InlineData("w/\"a\"", "\"a\"", false)]
    [InlineData("\"a b\"", "\"a b\"", false)]
    public void MatchesWeak_SameAnswerAsTheEvaluator(string field, string opaqueTag, bool expected)
    {
        var evaluator = EntityTagComparer.ParseList(field).Matches(exists: true, new EntityTag(opaqueTag, IsWeak: false), strong: false);

        Assert.Equal(expected, IfNoneMatchMatcher.MatchesWeak(field, opaqueTag));
        Assert.Equal(evaluator, IfNoneMatchMatcher.MatchesWeak(field, opaqueTag));
    }
}
