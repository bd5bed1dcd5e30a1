using System.Text;
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
            // A truncated, malformed or too deeply nested body: its strings cannot be told from the rest, so every
            // escape in the text is undone instead (a leak nested past the reader's depth limit is still seen).
            return Unescape(utf8, destination);
        }
        catch (InvalidOperationException)
        {
            return Unescape(utf8, destination);
        }

        return written;
    }

    // The whole text with JSON's escapes undone wherever they stand; never longer than the UTF-8 it came from.
    private static int Unescape(ReadOnlySpan<byte> utf8, Span<char> destination) =>
        JsonEscapes.Unescape(destination[..Encoding.UTF8.GetChars(utf8, destination)]);
}
