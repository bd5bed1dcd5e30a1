using System.Text.Json;

namespace Gateway.Transforms.Extraction;

/// <summary>
/// Unescapes every string and member name of a JSON body into one buffer, line by line, so the leak scanner also
/// sees text that serializers hide behind escapes (<c>\u0027</c>, <c>\u0022</c>, <c>\/</c>).
/// </summary>
internal static class JsonStringCollector
{
    private static readonly JsonReaderOptions s_options = new()
    {
        MaxDepth = 64,
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Writes the unescaped strings to <paramref name="destination"/>, as far as the JSON is well formed.</summary>
    /// <param name="utf8">Valid UTF-8.</param>
    /// <param name="destination">At least <c>utf8.Length</c> chars: unescaped text plus one separator per string never
    /// needs more than the quoted, escaped source.</param>
    /// <returns>The number of chars written.</returns>
    public static int Collect(ReadOnlySpan<byte> utf8, Span<char> destination)
    {
        var reader = new Utf8JsonReader(utf8, s_options);
        var written = 0;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
                {
                    written += reader.CopyString(destination[written..]);
                    destination[written++] = '\n';
                }
            }
        }
        catch (JsonException)
        {
            // A truncated or malformed body: what was read so far still counts.
        }
        catch (InvalidOperationException)
        {
        }

        return written;
    }
}
