using System.Text;
using System.Text.Json;

namespace Gateway.Transforms.Extraction;

/// <summary>
/// Turns validation lists into one readable line, "field: message; field: message": arrays of strings or of objects
/// (message + field), and objects mapping fields to messages (ASP.NET Core ValidationProblemDetails, Web API ModelState).
/// </summary>
internal static class JsonErrorList
{
    private const int MaxItems = 10;
    private const string Separator = "; ";

    private static readonly string[] s_messageKeys =
        ["message", "msg", "errorMessage", "defaultMessage", "detail", "description", "title", "error", "reason"];

    private static readonly string[] s_fieldKeys =
        ["field", "property", "propertyName", "param", "parameter", "path", "loc", "attribute", "memberNames", "source"];

    /// <summary>Reads the array the reader stands on (StartArray) to its end.</summary>
    public static string? ReadArray(ref Utf8JsonReader reader)
    {
        var line = new StringBuilder();
        var items = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var (field, message) = ReadItem(ref reader);
            Append(line, field, message, ref items);
        }

        return line.Length == 0 ? null : line.ToString();
    }

    /// <summary>Reads the object the reader stands on (StartObject), field → message(s), to its end.</summary>
    public static string? ReadObject(ref Utf8JsonReader reader)
    {
        var line = new StringBuilder();
        var items = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = reader.GetString();
            reader.Read();
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    Append(line, field, ReadItem(ref reader).Message, ref items);
                }
            }
            else
            {
                Append(line, field, ReadItem(ref reader).Message, ref items);
            }
        }

        return line.Length == 0 ? null : line.ToString();
    }

    private static (string? Field, string? Message) ReadItem(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return (null, JsonKeys.ReadString(ref reader));
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
                messages[messageKey] ??= JsonKeys.ReadString(ref reader);
            }
            else if (fieldKey >= 0)
            {
                fields[fieldKey] ??= fieldKey == s_fieldKeys.Length - 1 ? ReadSource(ref reader) : JsonKeys.ReadFieldName(ref reader);
            }
            else
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

    private static void Append(StringBuilder line, string? field, string? message, ref int items)
    {
        message = message?.Trim();
        if (string.IsNullOrEmpty(message) || items >= MaxItems)
        {
            return;
        }

        items++;
        if (line.Length > 0)
        {
            line.Append(Separator);
        }

        // System.Text.Json paths ("$.grade") and the root ("$", "") are not field names a client knows.
        field = field?.Trim();
        if (field is not null && field.StartsWith("$.", StringComparison.Ordinal))
        {
            field = field[2..];
        }

        if (!string.IsNullOrEmpty(field) && field != "$")
        {
            line.Append(field).Append(": ");
        }

        line.Append(message);
    }
}
