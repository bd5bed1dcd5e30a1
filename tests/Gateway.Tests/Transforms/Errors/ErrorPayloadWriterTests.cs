using System.Text;
using System.Text.Json;
using Gateway.Transforms.Errors;

namespace Gateway.Tests.Transforms.Errors;

public sealed class ErrorPayloadWriterTests
{
    [Fact]
    public void Write_EdFi_HasCodeTypeMessageAndCorrelationId()
    {
        var bytes = ErrorPayloadWriter.ToUtf8Bytes(ErrorProfile.EdFi, new StandardError(409, "Student 12 already exists.", "abc", "/students"));

        Assert.Equal("""{"code":409,"type":"Conflict","message":"Student 12 already exists.","correlationId":"abc"}""", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void Write_ProblemDetails_HasRfc9457Members()
    {
        var bytes = ErrorPayloadWriter.ToUtf8Bytes(ErrorProfile.ProblemDetails, new StandardError(404, "Student 12 was not found.", "abc", "/students/12"));
        var json = JsonDocument.Parse(bytes).RootElement;

        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.5", json.GetProperty("type").GetString());
        Assert.Equal("Not Found", json.GetProperty("title").GetString());
        Assert.Equal(404, json.GetProperty("status").GetInt32());
        Assert.Equal("Student 12 was not found.", json.GetProperty("detail").GetString());
        Assert.Equal("/students/12", json.GetProperty("instance").GetString());
        Assert.Equal("abc", json.GetProperty("correlationId").GetString());
    }

    [Fact]
    public void Write_MarkupInMessage_IsEscaped()
    {
        var text = Encoding.UTF8.GetString(ErrorPayloadWriter.ToUtf8Bytes(ErrorProfile.EdFi, new StandardError(400, "<script>x</script>\"", null, null)));

        Assert.DoesNotContain("<script>", text, StringComparison.Ordinal);
        Assert.Equal("<script>x</script>\"", JsonDocument.Parse(text).RootElement.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData(400, "Bad Request")]
    [InlineData(412, "Precondition Failed")]
    [InlineData(429, "Too Many Requests")]
    [InlineData(500, "Internal Server Error")]
    [InlineData(504, "Gateway Timeout")]
    public void Write_TypeIsReasonPhrase(int status, string title)
    {
        var json = JsonDocument.Parse(ErrorPayloadWriter.ToUtf8Bytes(ErrorProfile.EdFi, new StandardError(status, "m", null, null))).RootElement;

        Assert.Equal(title, json.GetProperty("type").GetString());
        Assert.Equal(status, json.GetProperty("code").GetInt32());
    }

    [Fact]
    public void ToUtf8Bytes_ReusedPerThread_SameBytesAsAFreshWriter()
    {
        // The thread's writer and buffer are reused: a long payload, then short ones, then long again, both profiles;
        // each must be exactly what a fresh writer makes, with nothing left over from the call before.
        var random = new Random(20261206);
        for (var i = 0; i < 300; i++)
        {
            var profile = i % 2 == 0 ? ErrorProfile.EdFi : ErrorProfile.ProblemDetails;
            var length = (i % 7) switch { 0 => 40_000, 1 => 0, _ => random.Next(1, 300) };
            var message = new string((char)random.Next('a', 'z' + 1), length) + (i % 3 == 0 ? "<é \"😀\">" : string.Empty);
            var error = new StandardError(400 + (i % 100), message, i % 5 == 0 ? null : "id" + i, i % 4 == 0 ? null : "/p/" + i);

            var fresh = new System.Buffers.ArrayBufferWriter<byte>();
            ErrorPayloadWriter.Write(fresh, profile, error);

            Assert.Equal(fresh.WrittenSpan.ToArray(), ErrorPayloadWriter.ToUtf8Bytes(profile, error));
        }
    }

    [Fact]
    public void ToUtf8Bytes_EachCallANewArray()
    {
        var error = new StandardError(404, "Student 12 was not found.", "abc", "/students/12");

        var first = ErrorPayloadWriter.ToUtf8Bytes(ErrorProfile.EdFi, error);
        var second = ErrorPayloadWriter.ToUtf8Bytes(ErrorProfile.EdFi, error);

        Assert.NotSame(first, second);
        Assert.Equal(first, second);
    }
}
