using System.Buffers;
using System.Text.Json;

namespace Gateway.Transforms.Extraction;

/// <summary>
/// Turns validation lists into one readable line, "field: message; field: message": arrays of strings or of objects
/// (message + field), and objects mapping fields to messages (ASP.NET Core ValidationProblemDetails, Web API ModelState).
/// </summary>
internal static class JsonErrorList
{
    private static readonly string[] s_messageKeys =
        ["message", "msg", "errorMessage", "defaultMessage", "detail", "description", "title", "error", "reason"];

    private static readonly string[] s_fieldKeys =
        ["field", "property", "propertyName", "param", "parameter", "path", "loc", "attribute", "memberNames", "propertyPath", "target", "source"];

    // Member names that, alone in the object and holding a string, are its message rather than a field.
    private static readonly string[] s_soleMessageKeys = ["detail", "message", "error"];

    /// <summary>Reads the array the reader stands on (StartArray) to its end.</summary>
    public static string? ReadArray(ref JsonBody json)
    {
        var line = new ErrorLine();
        AddArray(ref json, default, line);
        return line.Result;
    }

    /// <summary>Reads the object the reader stands on (StartObject), field → message(s), to its end.</summary>
    /// <remarks>An object whose only member is a string <c>detail</c>, <c>message</c> or <c>error</c> is that message:
    /// Phoenix's default error view answers <c>{"errors":{"detail":"Not Found"}}</c>, CodeIgniter 4's
    /// <c>failNotFound</c> <c>{"messages":{"error":"…"}}</c>. A list there (<c>{"message":["can't be
    /// blank"]}</c>) is still a form's field.</remarks>
    public static string? ReadObject(ref JsonBody json)
    {
        ref var reader = ref json.Reader;
        var line = new ErrorLine();
        char[]? names = null; // the current field name, copied from the reader
        var members = 0;
        string? soleMessage = null;
        try
        {
            while (NextToken(ref json, line, inObject: true) && reader.TokenType == JsonTokenType.PropertyName)
            {
                var messageName = ++members == 1 && JsonKeys.IndexOf(ref reader, s_soleMessageKeys) >= 0;

                // Past the last kept entry nothing is materialized: a large validation list costs no allocations.
                var field = line.IsFull ? JsonKeys.Text(ref reader, discard: true) : Name(ref reader, ref names);
                reader.Read();
                if (messageName && reader.TokenType == JsonTokenType.String)
                {
                    soleMessage = reader.GetString();
                }

                AddValue(ref json, field, line);
            }
        }
        finally
        {
            if (names is not null)
            {
                ArrayPool<char>.Shared.Return(names);
            }
        }

        var result = line.Result; // ends the line: its buffer goes back to the pool
        return members == 1 && soleMessage is not null ? soleMessage : result;
    }

    // The property name the reader stands on, in a pooled buffer; it throws what GetString throws.
    private static ReadOnlySpan<char> Name(ref Utf8JsonReader reader, ref char[]? buffer)
    {
        if (reader.HasValueSequence)
        {
            return reader.GetString();
        }

        // Unescaped, a name never has more UTF-16 units than its UTF-8 bytes.
        if (buffer is null || buffer.Length < reader.ValueSpan.Length)
        {
            if (buffer is not null)
            {
                ArrayPool<char>.Shared.Return(buffer);
            }

            buffer = ArrayPool<char>.Shared.Rent(Math.Max(64, reader.ValueSpan.Length));
        }

        return buffer.AsSpan(0, reader.CopyString(buffer));
    }

    /// <summary>Adds the entries of the current value (an array of entries, or one entry) under a field name.</summary>
    public static void AddValue(ref JsonBody json, scoped ReadOnlySpan<char> field, ErrorLine line)
    {
        ref var reader = ref json.Reader;
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            AddArray(ref json, field, line);
        }
        else
        {
            AddItem(ref reader, field, line);
        }
    }

    /// <summary>Adds a nested field map (StartObject) under its parent's name: Django REST framework answers a nested
    /// serializer's errors as <c>{"address":{"zip_code":["Enter a valid ZIP code."]}}</c> → "address.zip_code: …".
    /// One level, and only lists: a serializer's errors are always lists, while a scalar or an object there is data
    /// (<c>{"meta":{"traceId":"…"}}</c>, <c>{"request":{"path":"/api/x"}}</c>), which is no message.</summary>
    public static void AddMap(ref JsonBody json, string parent, ErrorLine line)
    {
        ref var reader = ref json.Reader;
        while (NextToken(ref json, line, inObject: true) && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = line.IsFull ? string.Empty : string.Concat(parent, ".", reader.GetString());
            reader.Read();
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                AddArray(ref json, field, line);
            }
            else
            {
                reader.Skip(); // a scalar: nothing to skip
            }
        }
    }

    private static void AddArray(ref JsonBody json, scoped ReadOnlySpan<char> field, ErrorLine line)
    {
        ref var reader = ref json.Reader;
        while (NextToken(ref json, line, inObject: false) && reader.TokenType != JsonTokenType.EndArray)
        {
            AddItem(ref reader, field, line);
        }
    }

    private static void AddItem(ref Utf8JsonReader reader, scoped ReadOnlySpan<char> field, ErrorLine line)
    {
        // A plain message (nearly every entry) is copied from the reader into the line: no string of its own.
        if (reader.TokenType == JsonTokenType.String && !line.IsFull)
        {
            line.Add(field, ref reader);
            return;
        }

        var (itemField, message) = ReadItem(ref reader, line.IsFull);
        line.Add(itemField is null ? field : itemField, message);
    }

    // Reads the next entry of a list or its end. Past the last kept entry the rest is only validated, so the reader
    // jumps to the list's end where the text allows.
    private static bool NextToken(ref JsonBody json, ErrorLine line, bool inObject)
    {
        if (line.IsFull)
        {
            json.SkipRest(inObject);
        }

        return json.Reader.Read();
    }

    // discard: the line is full and drops the item, so its strings need not be materialized.
    private static (string? Field, string? Message) ReadItem(ref Utf8JsonReader reader, bool discard)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return (null, JsonKeys.ReadString(ref reader, discard));
        }

        var messages = new string?[s_messageKeys.Length];
        var fields = new string?[s_fieldKeys.Length];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var messageKey = JsonKeys.IndexOf(ref reader, s_messageKeys);
            var fieldKey = messageKey < 0 ? JsonKeys.IndexOf(ref reader, s_fieldKeys) : -1;
            reader.Read();
            if (messageKey >= 0)
            {
                messages[messageKey] ??= JsonKeys.ReadString(ref reader, discard);
            }
            else if (fieldKey >= 0)
            {
                fields[fieldKey] ??= fieldKey == s_fieldKeys.Length - 1 ? ReadSource(ref reader) : JsonKeys.ReadFieldName(ref reader, discard);
            }
            else
            {
                reader.Skip();
            }

            // A key seen before (names match ignoring case) is not read by `??=`: its list or object is skipped.
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
            }
        }

        return (Array.Find(fields, static s => !string.IsNullOrWhiteSpace(s)), Array.Find(messages, static s => !string.IsNullOrWhiteSpace(s)));
    }

    // JSON:API: "source": { "pointer": "/data/attributes/lastName" } or { "parameter": "grade" }.
    private static string? ReadSource(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return JsonKeys.ReadString(ref reader);
        }

        string? field = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var known = reader.ValueTextEquals("pointer"u8) || reader.ValueTextEquals("parameter"u8);
            reader.Read();
            var value = known ? JsonKeys.ReadString(ref reader) : null;
            if (!known)
            {
                reader.Skip();
            }

            field ??= value is null ? null : value[(value.LastIndexOf('/') + 1)..];
        }

        return field;
    }
}
