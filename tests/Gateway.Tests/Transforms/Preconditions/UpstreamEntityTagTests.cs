using Gateway.Transforms.Preconditions;

namespace Gateway.Tests.Transforms.Preconditions;

public sealed class UpstreamEntityTagTests
{
    [Theory]
    [InlineData("\"abc\"")]
    [InlineData("W/\"abc\"")]
    [InlineData("  \"33a64df5\"  ")]
    [InlineData("\"5f3e-4b2-gzip\"")]
    public void WellFormed_IsValid_Unchanged(string value)
    {
        Assert.Equal(UpstreamTagForm.Valid, UpstreamEntityTag.Inspect(value, out var repaired));
        Assert.Same(value, repaired);
    }

    // What legacy servers send: md5 hex (PHP), numbers, Java filters' "W/123-456" without quotes.
    [Theory]
    [InlineData("abc123", "\"abc123\"")]
    [InlineData("d41d8cd98f00b204e9800998ecf8427e", "\"d41d8cd98f00b204e9800998ecf8427e\"")]
    [InlineData(" 1700000000 ", "\"1700000000\"")]
    [InlineData("W/123-456", "W/\"123-456\"")]
    [InlineData("w/abc", "W/\"abc\"")]
    [InlineData("'v7'", "\"'v7'\"")]
    [InlineData("W/", "\"W/\"")]
    public void Unquoted_IsRepaired_AsOneQuotedTag(string value, string expected)
    {
        Assert.Equal(UpstreamTagForm.Repaired, UpstreamEntityTag.Inspect(value, out var repaired));
        Assert.Equal(expected, repaired);
        Assert.True(EntityTagComparer.TryParse(repaired, out var tag));
        Assert.Equal(expected.StartsWith("W/", StringComparison.Ordinal), tag.IsWeak);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"open")]
    [InlineData("W/\"open")]
    [InlineData("a b")]
    [InlineData("\"a\", \"b\"")]
    [InlineData("\"a\"-gzip")]
    [InlineData("W/ \"a\"")]
    [InlineData("tab\there")]
    [InlineData("snow☃man")]
    [InlineData("\"\"")] // valid syntax, but servers send it when they have no version: the same for every content
    [InlineData("W/\"\"")]
    public void NotOneTag_IsInvalid(string value)
    {
        Assert.Equal(UpstreamTagForm.Invalid, UpstreamEntityTag.Inspect(value, out _));
    }
}
