using System.Text;
using Gateway.Transforms.Extraction;

namespace Gateway.Tests.Transforms.Extraction;

/// <summary>Where the reader finds the error list of a JSON body, and when an <c>errors</c> object is no field map.</summary>
public class JsonMessageReaderTests
{
    // Phoenix's default error view: a sole string "detail" (or "message") is the message, not a field named "detail".
    [Theory]
    [InlineData("""{"errors":{"detail":"Not Found"}}""", "Not Found")]
    [InlineData("""{"errors":{"detail":"Student 12 was not found."}}""", "Student 12 was not found.")]
    [InlineData("""{"errors":{"Message":"Section 3 is full."}}""", "Section 3 is full.")]
    [InlineData("""{"modelState":{"message":"Section 3 is full."}}""", "Section 3 is full.")]
    public void Read_ErrorsObjectWithOnlyAStringDetail_IsTheMessage(string body, string expected)
    {
        Assert.Equal(expected, Read(body).Errors);
    }

    [Theory]
    [InlineData("""{"errors":{"name":["is required"]}}""", "name: is required")]
    [InlineData("""{"errors":{"message":["can't be blank"]}}""", "message: can't be blank")]
    [InlineData("""{"errors":{"detail":"Too long.","name":["is required"]}}""", "detail: Too long.; name: is required")]
    [InlineData("""{"errors":{"name":"is required","detail":"Too long."}}""", "name: is required; detail: Too long.")]
    [InlineData("""{"errors":{"detail":{"en":"Too long."}}}""", null)]
    public void Read_ErrorsObjectOfFields_StaysAFieldMap(string body, string? expected)
    {
        Assert.Equal(expected, Read(body).Errors);
    }

    // Micronaut's HAL error: the top-level message is the reason phrase, the detail is in "_embedded.errors".
    [Theory]
    [InlineData(
        """{"message":"Bad Request","_links":{"self":{"href":"/students","templated":false}},"_embedded":{"errors":[{"message":"Grade must be between 1 and 12.","path":"/grade"}]}}""",
        "grade: Grade must be between 1 and 12.")]
    [InlineData(
        """{"_embedded":{"students":[{"id":1}],"errors":[{"message":"Page Not Found"}]},"message":"Not Found"}""",
        "Page Not Found")]
    [InlineData("""{"message":"Bad Request","_embedded":{"errors":"Grade is invalid."}}""", null)]
    [InlineData("""{"message":"Bad Request","_embedded":[{"message":"Grade is invalid."}]}""", null)]
    public void Read_HalEmbeddedErrors_AreTheErrorList(string body, string? expected)
    {
        var facts = Read(body);

        Assert.Equal(expected, facts.Errors);
        Assert.NotNull(facts.Message);
    }

    [Theory]
    [InlineData("""{"errors":[{"path":"/grade","message":"must be at most 12"}]}""", "grade: must be at most 12")]
    [InlineData("""{"errors":[{"path":"/body/grade","message":"must be at most 12"}]}""", "grade: must be at most 12")]
    [InlineData("""{"errors":[{"path":"/","message":"must be an object"}]}""", "must be an object")]
    [InlineData("""{"errors":[{"path":"$.grade","message":"must be at most 12"}]}""", "grade: must be at most 12")]
    public void Read_FieldAsJsonPointer_IsTheMemberItEndsAt(string body, string expected)
    {
        Assert.Equal(expected, Read(body).Errors);
    }

    private static JsonFacts Read(string body)
    {
        var facts = JsonMessageReader.Read(Encoding.UTF8.GetBytes(body));
        Assert.NotNull(facts);
        return facts;
    }
}
