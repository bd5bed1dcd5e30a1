using System.Text;
using Gateway.Transforms.Rules;

namespace Gateway.Tests.Transforms.Rules;

public sealed class LenientJsonStringTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("""a\"b\\c\/d\n\t""", "a\"b\\c/d\n\t")]
    [InlineData("""\u00e9\ud83d\ude00""", "é😀")]
    [InlineData("""\ud800 bad""", "\uFFFD bad")]
    [InlineData("""x\udc00""", "x\uFFFD")]
    [InlineData("""\u12""", "\uFFFD12")]
    public void Decode_UnescapesAndReplacesLoneSurrogates(string escaped, string expected) =>
        Assert.Equal(expected, LenientJsonString.Decode(Encoding.UTF8.GetBytes(escaped)));

    [Fact]
    public void Decode_InvalidUtf8_BecomesReplacementCharacters() =>
        Assert.Equal("\uFFFDl\uFFFDve", LenientJsonString.Decode([0xC9, (byte)'l', 0xE8, (byte)'v', (byte)'e']));
}
