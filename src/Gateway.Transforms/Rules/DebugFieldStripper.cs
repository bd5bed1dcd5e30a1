using System.Buffers;
using System.Collections.Frozen;
using System.Text.Json;
using Gateway.Transforms.Extraction;

namespace Gateway.Transforms.Rules;

/// <summary>
/// Drops properties that carry debug output (<c>stackTrace</c>, <c>exception</c>, <c>debug</c> …) from a JSON body,
/// at any depth. Every other byte is copied as it came (no re-encoding: invalid UTF-8 or lone surrogate escapes
/// elsewhere in the body neither stop the stripping nor get rewritten). Never throws.
/// </summary>
public static class DebugFieldStripper
{
    /// <summary>The default names (compared case-insensitively).</summary>
    public static FrozenSet<string> DefaultNames { get; } = new[]
    {
        "stackTrace", "stack_trace", "stack-trace", "stacktrace", "stack", "trace", "traceback", "backtrace",
        "StackTraceString", "RemoteStackTraceString", "errorStack", "error_stack", "exception", "exceptionMessage",
        "exception_message", "exceptionType", "exception_type", "exceptionDetails", "innerException", "inner_exception",
        "debug", "debugInfo", "debug_info", "developerMessage",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Writes the body without the named properties when any was present (a leading BOM is dropped with them).</summary>
    public static DebugFieldStrip Strip(ReadOnlySpan<byte> utf8Json, FrozenSet<string> names, IBufferWriter<byte> output, out int removed)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(output);
        removed = 0;
        var json = SuccessJson.WithoutBom(utf8Json);
        var cuts = new List<Range>();
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = SuccessJson.MaxDepth, CommentHandling = JsonCommentHandling.Skip });
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && names.Contains(LenientJsonString.Decode(reader.ValueSpan)))
                {
                    var start = (int)reader.TokenStartIndex;
                    reader.Read();
                    reader.Skip();
                    cuts.Add(WithComma(json, start, (int)reader.BytesConsumed, cuts.Count == 0 ? 0 : cuts[^1].End.Value));
                }
            }
        }
        catch (JsonException)
        {
            return SuccessJson.NestsTooDeep(json) ? DebugFieldStrip.TooDeep : DebugFieldStrip.Unchanged;
        }

        if (cuts.Count == 0)
        {
            return DebugFieldStrip.Unchanged;
        }

        removed = cuts.Count;
        var kept = 0;
        foreach (var cut in cuts)
        {
            // A cut may reach back over a comma an earlier cut already took.
            var (start, end) = (Math.Max(cut.Start.Value, kept), cut.End.Value);
            output.Write(json[kept..start]);
            kept = Math.Max(kept, end);
        }

        output.Write(json[kept..]);
        return DebugFieldStrip.Stripped;
    }

    /// <summary>
    /// As <see cref="Strip(ReadOnlySpan{byte}, FrozenSet{string}, IBufferWriter{byte}, out int)"/>, for a body in the
    /// charset its <c>Content-Type</c> declares or its BOM names: a UTF-16 body (WCF's <c>writeEncoding="utf-16"</c>) is no
    /// UTF-8 to the reader, so it is read as its text, and when fields were dropped the rest is written as UTF-8
    /// (<paramref name="transcoded"/>). A body in an ASCII-compatible charset (ISO-8859-1) is cut as its own bytes.
    /// </summary>
    public static DebugFieldStrip Strip(
        ReadOnlySpan<byte> body, string? contentType, FrozenSet<string> names, IBufferWriter<byte> output, out int removed, out bool transcoded)
    {
        transcoded = false;
        var strip = Strip(body, names, output, out removed);
        if (strip != DebugFieldStrip.Unchanged || BodyDecoder.TranscodeToUtf8(body, MediaType.Parse(contentType).Charset) is not { Length: > 0 } utf8)
        {
            return strip;
        }

        // Unchanged wrote nothing, so the output is still empty.
        strip = Strip(utf8, names, output, out removed);
        transcoded = strip == DebugFieldStrip.Stripped;
        return strip;
    }

    // The member "name": value plus one separating comma: the one before it, or, when that is already cut (or the
    // member is the first), the one after it; a sole member has none.
    private static Range WithComma(ReadOnlySpan<byte> json, int start, int end, int previousEnd)
    {
        var before = start - 1;
        while (before >= 0 && IsWhitespace(json[before]))
        {
            before--;
        }

        if (before >= previousEnd && json[before] == ',')
        {
            return new Range(before, end);
        }

        var after = end;
        while (after < json.Length && IsWhitespace(json[after]))
        {
            after++;
        }

        return after < json.Length && json[after] == ',' ? new Range(start, after + 1) : new Range(start, end);
    }

    private static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';
}
