using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Bench.Upstream;

/// <summary>The upstream's endpoints, by path. Sizes are exact so every target moves the same bytes.</summary>
internal static class PreparedResponses
{
    public const string NotFoundPath = "/notfound";
    private const string Json = "application/json; charset=utf-8";

    public static FrozenDictionary<string, PreparedResponse> Create() => new Dictionary<string, PreparedResponse>
    {
        ["/small"] = new(200, Json, Student(1, 202)),
        ["/json16k"] = new(200, Json, StudentList(16 * 1024)),
        ["/large"] = new(200, Json, StudentList(1024 * 1024)),
        ["/error500"] = new(500, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(YellowScreen.Html)),
        ["/error500-unique"] = Unique(500, "text/html; charset=utf-8", YellowScreen.Html),
        [NotFoundPath] = new(404, Json, Encoding.UTF8.GetBytes("""{"message":"Student 4711 was not found."}""")),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // The page, then the comment ASP.NET appends to it, here with a per-response id in place of the zeros.
    private static PreparedResponse Unique(int status, string contentType, string page)
    {
        const string Stamp = "0000000000000000";
        var text = page + "\n<!-- request " + Stamp + " -->\n";
        return new(status, contentType, Encoding.UTF8.GetBytes(text), Encoding.UTF8.GetByteCount(text[..text.LastIndexOf(Stamp, StringComparison.Ordinal)]));
    }

    /// <summary>One student record, padded with spaces inside a string field to exactly <paramref name="size"/> bytes.</summary>
    private static byte[] Student(int id, int size)
    {
        var json = Record(id, "");
        return Encoding.UTF8.GetBytes(Record(id, new string('x', size - json.Length)));
    }

    private static string Record(int id, string note) => string.Create(CultureInfo.InvariantCulture,
        $$"""{"id":{{id}},"firstName":"Ada","lastName":"Lovelace","grade":11,"school":"Analytical Engine Academy","enrolled":true,"updated":"2024-01-15T10:30:00Z","note":"{{note}}"}""");

    /// <summary>A JSON array of student records, the last one padded so the array is exactly <paramref name="size"/> bytes.</summary>
    private static byte[] StudentList(int size)
    {
        var builder = new StringBuilder("[");
        var id = 1;
        while (builder.Length + Record(id, "").Length + 2 < size - 256)
        {
            builder.Append(Record(id++, "")).Append(',');
        }

        var last = Record(id, "");
        builder.Append(Record(id, new string('x', size - builder.Length - last.Length - 1))).Append(']');
        return Encoding.UTF8.GetBytes(builder.ToString());
    }
}
