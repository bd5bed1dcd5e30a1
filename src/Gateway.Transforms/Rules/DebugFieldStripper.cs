using System.Buffers;
using System.Collections.Frozen;
using System.Text.Json;

namespace Gateway.Transforms.Rules;

/// <summary>
/// Drops properties that carry debug output (<c>stackTrace</c>, <c>exception</c>, <c>debug</c> …) from a JSON body,
/// at any depth, leaving every other value as it was. Never throws.
/// </summary>
public static class DebugFieldStripper
{
    /// <summary>The default names (compared case-insensitively).</summary>
    public static FrozenSet<string> DefaultNames { get; } = new[]
    {
        "stackTrace", "stack_trace", "stacktrace", "stack", "trace", "traceback", "exception", "exceptionMessage",
        "exceptionType", "exceptionDetails", "innerException", "debug", "debugInfo", "debug_info", "developerMessage",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Writes the body without the named properties. False (nothing written) when none was present or the body is not JSON.</summary>
    public static bool TryStrip(ReadOnlySpan<byte> utf8Json, FrozenSet<string> names, IBufferWriter<byte> output, out int removed)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(output);
        removed = 0;
        if (!ContainsAny(utf8Json, names))
        {
            return false;
        }

        var staging = new ArrayBufferWriter<byte>(utf8Json.Length);
        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = 64, CommentHandling = JsonCommentHandling.Skip });
            using var writer = new Utf8JsonWriter(staging, new JsonWriterOptions { SkipValidation = false });
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && names.Contains(reader.GetString()!))
                {
                    reader.Read();
                    reader.Skip();
                    removed++;
                    continue;
                }

                Copy(ref reader, writer);
            }

            writer.Flush();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            removed = 0;
            return false;
        }

        if (removed == 0)
        {
            return false;
        }

        output.Write(staging.WrittenSpan);
        return true;
    }

    private static bool ContainsAny(ReadOnlySpan<byte> utf8Json, FrozenSet<string> names)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = 64, CommentHandling = JsonCommentHandling.Skip });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && names.Contains(reader.GetString()!))
                {
                    return true;
                }
            }
        }
        catch (JsonException)
        {
        }

        return false;
    }

    private static void Copy(ref Utf8JsonReader reader, Utf8JsonWriter writer)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject: writer.WriteStartObject(); break;
            case JsonTokenType.EndObject: writer.WriteEndObject(); break;
            case JsonTokenType.StartArray: writer.WriteStartArray(); break;
            case JsonTokenType.EndArray: writer.WriteEndArray(); break;
            case JsonTokenType.PropertyName: writer.WritePropertyName(reader.GetString()!); break;
            case JsonTokenType.String: writer.WriteStringValue(reader.GetString()); break;
            case JsonTokenType.Number: writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true); break;
            case JsonTokenType.True: writer.WriteBooleanValue(true); break;
            case JsonTokenType.False: writer.WriteBooleanValue(false); break;
            case JsonTokenType.Null: writer.WriteNullValue(); break;
        }
    }
}
