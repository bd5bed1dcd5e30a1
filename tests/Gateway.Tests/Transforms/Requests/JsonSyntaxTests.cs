using System.Text;
using Gateway.Transforms.Requests;

namespace Gateway.Tests.Transforms.Requests;

public sealed class JsonSyntaxTests
{
    [Theory]
    [InlineData("{}")]
    [InlineData("""{"a":[1,2,{"b":null}],"c":"d"}""")]
    [InlineData("  [true, false]  ")]
    [InlineData("42")]
    [InlineData("\"text\"")]
    [InlineData("\uFEFF{\"a\":1}")]
    public void Check_WellFormed_Null(string body) => Assert.Null(JsonSyntax.Check(Encoding.UTF8.GetBytes(body)));

    [Theory]
    [InlineData("{\"a\":1,}", "line 1, position 8")]
    [InlineData("{\"a\":\n  tru}", "line 2")]
    [InlineData("{'a':1}", "line 1, position 2")]
    [InlineData("{}{}", "line 1, position 3")]
    [InlineData("{} x", "line 1, position 4")]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("\uFEFF ", "empty")]
    [InlineData("\uFEFF\uFEFF{}", "line 1, position 1")]
    [InlineData("{\"a\":", "not valid JSON")]
    public void Check_Malformed_DescribesWhere(string body, string expected) =>
        Assert.Contains(expected, JsonSyntax.Check(Encoding.UTF8.GetBytes(body)), StringComparison.Ordinal);

    [Fact]
    public void Check_TooDeep_IsMalformed_DoesNotThrow() =>
        Assert.NotNull(JsonSyntax.Check(Encoding.UTF8.GetBytes(new string('[', 10_000) + new string(']', 10_000))));

    [Fact]
    public void Check_InvalidUtf8_IsMalformed() =>
        Assert.NotNull(JsonSyntax.Check([(byte)'"', 0xC3, 0x28, (byte)'"']));
}
