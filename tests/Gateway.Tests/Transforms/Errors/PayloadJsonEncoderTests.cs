using System.Text;
using System.Text.Json;
using Gateway.Transforms.Errors;

namespace Gateway.Tests.Transforms.Errors;

public sealed class PayloadJsonEncoderTests
{
    [Theory]
    [InlineData("Can't find student 12.", "Can't find student 12.")]
    [InlineData("L'élève 12 est introuvable.", "L'élève 12 est introuvable.")]
    [InlineData("学生 12 不存在", "学生 12 不存在")]
    [InlineData("Grade + 1 `ok`", "Grade + 1 `ok`")]
    [InlineData("a <b> & c", "a \\u003Cb\\u003E \\u0026 c")]
    [InlineData("quote \" back \\ slash", "quote \\\" back \\\\ slash")]
    [InlineData("line\nbreak\ttab\u0001", "line\\nbreak\\ttab\\u0001")]
    public void Message_ReadableButMarkupEscaped(string message, string expectedJson)
    {
        var text = Write(message);

        Assert.Contains($"\"message\":\"{expectedJson}\"", text, StringComparison.Ordinal);
        Assert.Equal(message, JsonDocument.Parse(text).RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public void RandomText_RoundTrips_AndNeverCarriesRawMarkup()
    {
        var random = new Random(20261206);
        char[] alphabet = ['a', ' ', '\'', '<', '>', '&', '"', '\\', '\n', '\u0000', '\u007F', 'é', '中', '\u2028', '\uD83D', '\uDE00', '+', '`', '/'];
        for (var i = 0; i < 5_000; i++)
        {
            var chars = new char[random.Next(0, 60)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = alphabet[random.Next(alphabet.Length)];
            }

            var message = new string(chars);
            var text = Write(message);
            var parsed = JsonDocument.Parse(text).RootElement.GetProperty("message").GetString();

            Assert.DoesNotContain('<', text);
            Assert.DoesNotContain('>', text);
            Assert.DoesNotContain('&', text);
            if (!HasLoneSurrogate(message))
            {
                Assert.Equal(message, parsed);
            }
        }
    }

    private static string Write(string message) =>
        Encoding.UTF8.GetString(ErrorPayloadWriter.ToUtf8Bytes(ErrorProfile.EdFi, new StandardError(400, message, null, null)));

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
