using System.Text;
using Gateway.Transforms.Extraction;

namespace Gateway.Tests.Transforms.Extraction;

public sealed class JsonEnvelopeTests
{
    [Theory]
    [InlineData("""callback({"error":"Student 12 was not found."});""", """{"error":"Student 12 was not found."}""")]
    [InlineData("""jQuery172_1345({"message":"x"})""", """{"message":"x"}""")]
    [InlineData("""angular.callbacks._0( [ {"message":"x"} ] ) ;""", """[ {"message":"x"} ]""")]
    [InlineData("""/**/ typeof cb === 'function' && cb({"message":"x"});""", """{"message":"x"}""")]
    [InlineData("""/**/cb({"message":"x"});""", """{"message":"x"}""")]
    [InlineData(")]}',\n{\"message\":\"x\"}", """{"message":"x"}""")]
    [InlineData(")]}'\n[{\"message\":\"x\"}]", """[{"message":"x"}]""")]
    [InlineData("""while(1);{"message":"x"}""", """{"message":"x"}""")]
    [InlineData("""for (;;); {"message":"x"}""", """{"message":"x"}""")]
    [InlineData("  \r\n callback({\"a\":1})\n", """{"a":1}""")]
    public void Content_FindsTheWrappedDocument(string body, string expected)
    {
        Assert.Equal(expected, Encoding.UTF8.GetString(JsonEnvelope.Content(Encoding.UTF8.GetBytes(body))));
    }

    [Theory]
    [InlineData("""{"message":"x"}""")]
    [InlineData("Student 12 was not found.")]
    [InlineData("Error (code 12): the student was not found")]
    [InlineData("""callback("Student 12 was not found.")""")]
    [InlineData("""callback({"message":"x"}""")]
    [InlineData("""callback({"message":"x"}) + 1""")]
    [InlineData("""12cb({"message":"x"})""")]
    [InlineData("""typeof cb === 'function' cb({"a":1})""")]
    [InlineData(")]}'")]
    [InlineData("while(1);")]
    [InlineData("")]
    public void Content_IsEmptyForAnythingElse(string body)
    {
        Assert.True(JsonEnvelope.Content(Encoding.UTF8.GetBytes(body)).IsEmpty);
    }
}
