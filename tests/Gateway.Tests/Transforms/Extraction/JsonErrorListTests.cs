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
    [InlineData("{\"errors\":{\"f\\uD800\":[\"The field is required.\"]}}")]
    [InlineData("{\"errors\":{\"f\\uDC00x\":\"The field is required.\"}}")]
    [InlineData("{\"other\":[\"ok\"],\"errors\":{\"a\":[\"m\"],\"\\uD800\":[\"m\"]}}")]
    public void Read_LoneSurrogateEscapeInAKeptFieldName_IsNotJsonFacts(string body)
    {
        // The name is copied from the reader, no longer made a string: the copy throws where GetString did.
        Assert.Null(JsonMessageReader.Read(Encoding.UTF8.GetBytes(body)));
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

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Read_RandomEntries_BuildTheLineAsStringsWould(int seed)
    {
        // The line copies messages from the reader into a pooled buffer; the definition is the one on strings:
        // trimmed, empty ones dropped, "$." paths and whole-object keys handled, ten kept (fewer past MessageText.MaxLength), "; " between them.
        var random = new Random(seed);
        // JSON texts: escapes included, unescaped by the reader.
        string[] fields = ["f", " spaced ", "$.grade", "$", "", "non_field_errors", "__all__", "base", "$.", @"caf\u00e9"];
        string[] messages =
        [
            "The field is required.", @"  padded\t ", "", "   ", @"\n", @"esc \\ \"" \u0041", @"caf\u00e9 – ok",
            new string('x', 300), @"\u0020 lead", @"\u2003em space\u2003",
        ];
        for (var i = 0; i < 200; i++)
        {
            var entries = Enumerable.Range(0, random.Next(1, 16))
                .Select(_ => (Field: fields[random.Next(fields.Length)], Messages: Enumerable.Range(0, random.Next(1, 3)).Select(_ => messages[random.Next(messages.Length)]).ToArray()))
                .ToArray();
            var body = "{\"errors\":{" + string.Join(",", entries.Select(e => $"\"{e.Field}\":[{string.Join(",", e.Messages.Select(m => $"\"{m}\""))}]")) + "}}";
            var facts = JsonMessageReader.Read(Encoding.UTF8.GetBytes(body));

            Assert.NotNull(facts);
            Assert.Equal(ExpectedLine(entries.SelectMany(e => e.Messages.Select(m => (e.Field, m)))), facts.Errors);
        }
    }

    // The line as the string-based builder made it, from the JSON texts of the fields and messages.
    private static string? ExpectedLine(IEnumerable<(string Field, string Message)> entries)
    {
        var items = entries
            .Select(e => (Field: Unescape(e.Field).Trim(), Message: Unescape(e.Message).Trim()))
            .Where(e => e.Message.Length > 0)
            .Select(e =>
            {
                var field = e.Field.StartsWith("$.", StringComparison.Ordinal) ? e.Field[2..] : e.Field;
                return field is "" or "$" or "non_field_errors" or "__all__" or "base" ? e.Message : $"{field}: {e.Message}";
            });

        // Ten entries at most, and none once the line is longer than a message is ever shown.
        var kept = new List<string>();
        foreach (var item in items)
        {
            if (kept.Count == 10 || string.Join("; ", kept).Length > MessageText.MaxLength)
            {
                break;
            }

            kept.Add(item);
        }

        return kept.Count == 0 ? null : string.Join("; ", kept);
    }

    private static string Unescape(string json) => System.Text.Json.JsonSerializer.Deserialize<string>($"\"{json}\"")!;

    // {"errors":{"f0":["…"], …, "fN":[last]}}
    private static byte[] Problem(int count, string last) =>
        Encoding.UTF8.GetBytes("{\"errors\":{" + string.Join(",", Enumerable.Range(0, count).Select(i =>
            $"\"f{i}\":[{(i == count - 1 ? last : "\"The field is required.\"")}]")) + "}}");

    // {"errors":[{"field":"f0","message":"…"}, …]}
    private static byte[] ArrayProblem(int count, string last) =>
        Encoding.UTF8.GetBytes("{\"errors\":[" + string.Join(",", Enumerable.Range(0, count).Select(i =>
            $"{{\"field\":\"f{i}\",\"message\":{(i == count - 1 ? last : "\"The field is required.\"")}}}")) + "]}");
}
