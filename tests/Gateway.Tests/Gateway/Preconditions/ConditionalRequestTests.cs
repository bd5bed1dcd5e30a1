using Gateway.Preconditions;
using Microsoft.AspNetCore.Http;

namespace Gateway.Tests.Gateway.Preconditions;

public sealed class ConditionalRequestTests
{
    [Theory]
    [InlineData("GET", false)]
    [InlineData("head", false)]
    [InlineData("OPTIONS", false)]
    [InlineData("TRACE", false)]
    [InlineData("POST", true)]
    [InlineData("PUT", true)]
    [InlineData("DELETE", true)]
    [InlineData("LOCK", true)]
    public void IsUnsafe_Method_PerRfc9110Section9_2_1(string method, bool expected) =>
        Assert.Equal(expected, ConditionalRequest.IsUnsafe(method));

    [Theory]
    [InlineData(null, false)]
    [InlineData("If-Modified-Since", false)] // only applies to GET/HEAD
    [InlineData("If-Range", false)]
    [InlineData("If-Match", true)]
    [InlineData("if-none-match", true)]
    [InlineData("If-Unmodified-Since", true)]
    public void HasUnsafeMethodConditions_Field_TrueOnlyForFieldsThatGuardAWrite(string? field, bool expected)
    {
        var headers = new HeaderDictionary();
        if (field is not null)
        {
            headers[field] = "x";
        }

        Assert.Equal(expected, ConditionalRequest.HasUnsafeMethodConditions(headers));
    }
}
