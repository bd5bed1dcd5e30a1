using Gateway.Transforms.Preconditions;

namespace Gateway.Tests.Transforms.Preconditions;

public sealed class ValidatorCacheRulesTests
{
    [Theory]
    [InlineData(null, null, false, false, true)]
    [InlineData("max-age=60, public", "Accept, Accept-Language", false, false, true)]
    [InlineData("no-store", null, false, true, false)]
    [InlineData("max-age=0, NO-CACHE", null, false, true, false)]
    [InlineData("no-cache=\"Set-Cookie, X-Id\"", null, false, true, false)]
    [InlineData("private", null, false, false, false)]
    [InlineData("private, max-age=60", null, false, true, true)]
    [InlineData("private=\"X-Id\"", null, false, false, false)]
    [InlineData(null, "*", false, true, false)]
    [InlineData(null, "Accept, *", false, true, false)]
    [InlineData(null, null, true, true, false)]
    [InlineData("must-revalidate", null, false, false, true)]
    public void CanRecord(string? cacheControl, string? vary, bool hasSetCookie, bool keyedByCaller, bool expected) =>
        Assert.Equal(expected, ValidatorCacheRules.CanRecord(cacheControl, vary, hasSetCookie, keyedByCaller));

    [Fact]
    public void VaryNames_TrimmedDistinctIgnoringCase()
    {
        Assert.Equal(["Accept", "origin"], ValidatorCacheRules.VaryNames(" Accept ,origin, ACCEPT,, Origin"));
        Assert.Empty(ValidatorCacheRules.VaryNames(null));
    }

    [Theory]
    [InlineData("", "", false)]
    [InlineData("max-age=0", "", false)]
    [InlineData("no-cache", "", true)]
    [InlineData("", "no-cache", true)]
    [InlineData("max-age=0, No-Cache", "", true)]
    public void RequestForbidsStoredAnswer(string cacheControl, string pragma, bool expected) =>
        Assert.Equal(expected, ValidatorCacheRules.RequestForbidsStoredAnswer(cacheControl, pragma));
}
