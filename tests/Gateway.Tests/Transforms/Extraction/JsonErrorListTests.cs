using System.Text;
using Gateway.Transforms.Extraction;

namespace Gateway.Tests.Transforms.Extraction;

/// <summary>
/// A validation list keeps its first ten entries; the entries after them are read without being materialized, and
/// that must not change what the reader returns.
/// </summary>
public class JsonErrorListTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(10)]
    [InlineData(11)]
    [InlineData(500)]
    public void Read_ValidationObject_KeepsTheFirstTenEntries(int count)
    {
        var facts = JsonMessageReader.Read(Problem(count, last: "\"The field is required.\""));

        Assert.NotNull(facts);
        var expected = string.Join("; ", Enumerable.Range(0, Math.Min(count, 10)).Select(i => $"f{i}: The field is required."));
        Assert.Equal(expected, facts.Errors);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(12)]
    public void Read_LoneSurrogateEscapeInAnyEntry_IsNotJsonFacts(int count)
    {
        // GetString throws on a lone surrogate escape, kept entry or not: the body is not read as JSON either way.
        Assert.Null(JsonMessageReader.Read(Problem(count, last: "\"bad \\uD800 escape\"")));
        Assert.Null(JsonMessageReader.Read(ArrayProblem(count, last: "\"bad \\uD800 escape\"")));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(12)]
    public void Read_DuplicateMessageKeyHoldingAnObject_ReadsTheSameWhetherKeptOrNot(int count)
    {
        // The second "message" is not read (the first is kept), so its object is walked as members of the item; the
        // expected counts are what the reader gave before entries past the tenth were read without materializing.
        var body = ArrayProblem(count, last: "\"first\",\"message\":{\"x\":1}");
        var facts = JsonMessageReader.Read(body);
        Assert.Equal(Math.Min(count, 10), facts?.Errors?.Split("; ").Length ?? 0);
    }

    // {"errors":{"f0":["…"], …, "fN":[last]}}
    private static byte[] Problem(int count, string last) =>
        Encoding.UTF8.GetBytes("{\"errors\":{" + string.Join(",", Enumerable.Range(0, count).Select(i =>
            $"\"f{i}\":[{(i == count - 1 ? last : "\"The field is required.\"")}]")) + "}}");

    // {"errors":[{"field":"f0","message":"…"}, …]}
    private static byte[] ArrayProblem(int count, string last) =>
        Encoding.UTF8.GetBytes("{\"errors\":[" + string.Join(",", Enumerable.Range(0, count).Select(i =>
            $"{{\"field\":\"f{i}\",\"message\":{(i == count - 1 ? last : "\"The field is required.\"")}}}")) + "]}");
}
