using System.Text.Json;
using Gateway.Transforms.Rules;

namespace Gateway.Tests.Transforms.Rules;

public sealed class JsonPointerTests
{
    private const string Document = """{"foo":["bar","baz"],"":0,"a/b":1,"m~n":8,"nested":{"x":{"y":true}}}""";

    [Theory]
    [InlineData("", "{")]
    [InlineData("/foo", "[\"bar\",\"baz\"]")]
    [InlineData("/foo/0", "\"bar\"")]
    [InlineData("/foo/1", "\"baz\"")]
    [InlineData("/", "0")]
    [InlineData("/a~1b", "1")]
    [InlineData("/m~0n", "8")]
    [InlineData("/nested/x/y", "true")]
    public void TryResolve_Rfc6901Examples(string path, string expectedStart)
    {
        using var doc = JsonDocument.Parse(Document);

        Assert.True(JsonPointer.TryResolve(doc.RootElement, path, out var value));
        Assert.StartsWith(expectedStart, value.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/missing")]
    [InlineData("/foo/2")]
    [InlineData("/foo/-1")]
    [InlineData("/foo/x")]
    [InlineData("/nested/x/y/z")]
    public void TryResolve_Missing_False(string path)
    {
        using var doc = JsonDocument.Parse(Document);

        Assert.False(JsonPointer.TryResolve(doc.RootElement, path, out _));
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("/a", true)]
    [InlineData("/a~0b~1c", true)]
    [InlineData("a", false)]
    [InlineData("/a~2", false)]
    [InlineData("/a~", false)]
    public void IsValid_Cases(string path, bool expected) => Assert.Equal(expected, JsonPointer.IsValid(path));
}
