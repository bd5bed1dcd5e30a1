using System.Text.Json;

namespace LegacyBackend.Students;

/// <summary>Outcome of reading a student from a request body: the input, or the parse error.</summary>
internal sealed record StudentBody(StudentInput? Input, JsonException? Error)
{
    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web);

    public static async Task<StudentBody> ReadAsync(HttpRequest request)
    {
        try
        {
            var input = await JsonSerializer.DeserializeAsync<StudentInput>(request.Body, s_options, request.HttpContext.RequestAborted);
            return new StudentBody(input, null);
        }
        catch (JsonException ex)
        {
            return new StudentBody(null, ex);
        }
    }
}
