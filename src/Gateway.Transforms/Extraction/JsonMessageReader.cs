using System.Text;
using System.Text.Json;

namespace Gateway.Transforms.Extraction;

/// <summary>
/// Reads the members of a JSON error body that can carry its message, in one forward pass with
/// <see cref="Utf8JsonReader"/>: bounded depth, no DOM, everything not needed skipped.
/// </summary>
internal static class JsonMessageReader
{
    private static readonly JsonReaderOptions s_options = new()
    {
        MaxDepth = 64,
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly string[] s_topLevelKeys =
    [
        "message", "msg", "errorMessage", "error_message", "error", "error_description", "errors", "modelState",
        "violations", "validationErrors", "detail", "title", "description", "reason", "code", "status", "type",
        "fault", "errorDescription", "odata.error", "errorMsg", "errMsg", "error_msg", "data", "_embedded",
        "responseStatus", "messages",
    ];

    private static readonly string[] s_errorObjectKeys = ["message", "msg", "errorMessage", "error_description", "description", "detail", "title", "faultstring"];

    /// <summary>The facts of a well-formed JSON document, or <see langword="null"/> when it is not one.</summary>
    /// <param name="utf8">The body; valid UTF-8.</param>
    public static JsonFacts? Read(ReadOnlySpan<byte> utf8) => Read(utf8, jumps: true);

    /// <summary>The same as <see cref="Read(ReadOnlySpan{byte})"/>; without <paramref name="jumps"/> the validation list
    /// entries past the kept ones are read token by token instead of checked by <see cref="JsonContainerEnd"/>.</summary>
    internal static JsonFacts? Read(ReadOnlySpan<byte> utf8, bool jumps) => Read(utf8, jumps, unwrap: true);

    private static JsonFacts? Read(ReadOnlySpan<byte> utf8, bool jumps, bool unwrap)
    {
        var json = new JsonBody(utf8, s_options, jumps);
        ref var reader = ref json.Reader;
        try
        {
            if (!reader.Read())
            {
                return null;
            }

            var facts = new JsonFacts();
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    facts.IsObject = true;
                    ReadTopLevel(ref json, facts);
                    break;
                case JsonTokenType.StartArray:
                    facts.Errors = JsonErrorList.ReadArray(ref json);
                    break;
                case JsonTokenType.String:
                    facts.Message = reader.GetString();
                    facts = (unwrap && facts.Message is { } text ? Encoded(text, jumps) : null) ?? facts;
                    break;
                default:
                    reader.Skip();
                    break;
            }

            // Anything after the value is malformed input: Read throws rather than return true.
            return reader.Read() ? null : facts;
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    // A document serialized twice ("{\"message\":\"…\"}", a handler returning an already serialized string): the
    // facts of the document inside, one level deep. Not an object as sent, so never the standard payload.
    private static JsonFacts? Encoded(string text, bool jumps)
    {
        var document = text.AsSpan().Trim();
        if (document.IsEmpty || document[0] is not ('{' or '['))
        {
            return null;
        }

        var inner = Read(Encoding.UTF8.GetBytes(document.ToString()), jumps, unwrap: false);
        if (inner is not null)
        {
            inner.IsObject = false;
        }

        return inner;
    }

    private static void ReadTopLevel(ref JsonBody json, JsonFacts facts)
    {
        ref var reader = ref json.Reader;
        var jsendFail = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = JsonKeys.IndexOf(ref reader, s_topLevelKeys);

            // An unknown member's name is decoded only if its value is a list. An escaped one is read now: GetString
            // throws on a lone surrogate escape, which makes the body no JSON, whatever the value.
            var unknownName = key < 0 && reader.ValueIsEscaped ? reader.GetString() : null;
            var unknownUtf8 = key < 0 && !reader.ValueIsEscaped ? reader.ValueSpan : default;

            // Spelled exactly so, a name is the key it matches ignoring case: only that key's name is compared again.
            var exactCode = key == 14 && reader.ValueTextEquals("code"u8);
            var exactStatus = key == 15 && reader.ValueTextEquals("status"u8);
            var exactType = key == 16 && reader.ValueTextEquals("type"u8);
            var exactMessage = key == 0 && reader.ValueTextEquals("message"u8);
            var exactTitle = key == 11 && reader.ValueTextEquals("title"u8);
            reader.Read();
            var isString = reader.TokenType == JsonTokenType.String;
            jsendFail |= exactStatus && isString && reader.ValueTextEquals("fail"u8);
            switch (key)
            {
                case 0 or 1 or 2 or 3 or 20 or 21 or 22 when reader.TokenType == JsonTokenType.StartArray:
                    facts.Message ??= JsonErrorList.ReadArray(ref json); // NestJS: "message": ["a", "b"]
                    break;
                case 0 or 1 or 2 or 3 or 20 or 21 or 22: // the last three: Java and WeChat-style {"errcode":…,"errmsg":…}
                    facts.HasStringMessage |= exactMessage && isString;
                    facts.Message ??= JsonKeys.ReadString(ref reader);
                    break;
                case 4 when reader.TokenType == JsonTokenType.StartObject:
                    facts.ErrorObjectMessage ??= ReadErrorObject(ref json, facts);
                    break;
                case 4 when reader.TokenType == JsonTokenType.StartArray:
                    facts.Errors ??= JsonErrorList.ReadArray(ref json);
                    break;
                case 4:
                    facts.ErrorString ??= JsonKeys.ReadString(ref reader);
                    break;
                case 5:
                    facts.ErrorDescription ??= JsonKeys.ReadString(ref reader);
                    break;
                case 6 or 7 or 8 or 9:
                    facts.Errors ??= ReadErrors(ref json);
                    break;
                case 10 when reader.TokenType == JsonTokenType.StartArray:
                    facts.Errors ??= JsonErrorList.ReadArray(ref json); // FastAPI puts its validation list in "detail"
                    break;
                case 10 when reader.TokenType == JsonTokenType.StartObject:
                    facts.ErrorObjectMessage ??= ReadErrorObject(ref json, facts); // FastAPI's HTTPException(detail={…})
                    break;
                case 10:
                    facts.Detail ??= JsonKeys.ReadString(ref reader);
                    break;
                case 11:
                    facts.HasStringTitle |= exactTitle && isString;
                    facts.Title ??= JsonKeys.ReadString(ref reader);
                    break;
                case 12 or 13:
                    facts.Other ??= JsonKeys.ReadString(ref reader);
                    break;
                case 17 when reader.TokenType == JsonTokenType.StartObject:
                    facts.ErrorObjectMessage ??= ReadErrorObject(ref json, facts); // Apigee: {"fault":{"faultstring":…}}
                    break;
                case 19 when reader.TokenType == JsonTokenType.StartObject:
                    facts.ErrorObjectMessage ??= ReadErrorObject(ref json, facts); // OData v3 JSON light
                    break;
                case 18:
                    facts.ErrorDescription ??= JsonKeys.ReadString(ref reader);
                    break;
                case 23 when jsendFail && reader.TokenType == JsonTokenType.StartObject:
                    facts.Errors ??= JsonErrorList.ReadObject(ref json); // JSend: {"status":"fail","data":{"title":"…"}}
                    break;
                case 24 when reader.TokenType == JsonTokenType.StartObject:
                    ReadEmbedded(ref json, facts);
                    break;
                case 25 when reader.TokenType == JsonTokenType.StartObject:
                    facts.ErrorObjectMessage ??= ReadErrorObject(ref json, facts); // ServiceStack: {"ResponseStatus":{"Message":…}}
                    break;
                case 26 when reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray:
                    facts.Errors ??= ReadErrors(ref json); // CodeIgniter 4: {"status":400,"error":400,"messages":{…}}
                    break;
                case < 0 when reader.TokenType == JsonTokenType.StartObject:
                    JsonErrorList.AddMap(ref json, unknownName ?? Encoding.UTF8.GetString(unknownUtf8), facts.FieldErrors);
                    break;
                case < 0 when reader.TokenType == JsonTokenType.StartArray:
                    JsonErrorList.AddValue(ref json, unknownName ?? Encoding.UTF8.GetString(unknownUtf8), facts.FieldErrors);
                    break;
                default:
                    ReadStandardMember(ref reader, facts, exactCode, exactStatus, exactType && isString);
                    break;
            }

            SkipUnread(ref reader);
        }
    }

    // A member whose fact was already set is not read: `??=` does not evaluate its right side. Its list or object is
    // skipped here, or the reader would take its contents for the next members (Ed-Fi's "validationErrors" then
    // "errors" made the whole body no JSON).
    private static void SkipUnread(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            reader.Skip();
        }
    }

    // The longest reason phrase ("Request Header Fields Too Large") with room to spare.
    private const int MaxReasonPhraseBytes = 64;

    private static void ReadStandardMember(ref Utf8JsonReader reader, JsonFacts facts, bool code, bool status, bool type)
    {
        if (reader.TokenType == JsonTokenType.Number && (code || status) && reader.TryGetInt32(out var number))
        {
            if (code)
            {
                facts.Code ??= number;
            }
            else
            {
                facts.Status ??= number;
            }
        }

        if (type)
        {
            facts.HasStringType = true;
            facts.Type ??= reader.ValueSpan.Length <= MaxReasonPhraseBytes ? JsonKeys.ReadString(ref reader) : string.Empty;
        }

        reader.Skip();
    }

    private static string? ReadErrors(ref JsonBody json) => json.Reader.TokenType switch
    {
        JsonTokenType.StartArray => JsonErrorList.ReadArray(ref json),
        JsonTokenType.StartObject => JsonErrorList.ReadObject(ref json),
        _ => JsonKeys.ReadString(ref json.Reader),
    };

    // The Microsoft REST guidelines and OData v4 put the list under the error: {"error":{"message":"One or more
    // errors","details":[{"target":"lastName","message":"…"}]}}; like a top-level list, it says more than the message.
    private static string? ReadErrorObject(ref JsonBody json, JsonFacts facts)
    {
        ref var reader = ref json.Reader;
        var found = new string?[s_errorObjectKeys.Length];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = JsonKeys.IndexOf(ref reader, s_errorObjectKeys);
            var details = key < 0 && reader.ValueTextEquals("details"u8);
            reader.Read();
            if (details && reader.TokenType == JsonTokenType.StartArray)
            {
                facts.Errors ??= JsonErrorList.ReadArray(ref json);
            }
            else if (key >= 0)
            {
                found[key] ??= reader.TokenType == JsonTokenType.StartObject ? ReadLocalizedText(ref reader) : JsonKeys.ReadString(ref reader);
            }
            else
            {
                reader.Skip();
            }

            SkipUnread(ref reader);
        }

        return Array.Find(found, static s => !string.IsNullOrWhiteSpace(s));
    }

    // Micronaut's HAL errors: {"message":"Bad Request","_embedded":{"errors":[{"message":"…","path":"/grade"}]}}. The
    // top-level message is only the reason phrase; the list is read as a top-level "errors" list.
    private static void ReadEmbedded(ref JsonBody json, JsonFacts facts)
    {
        ref var reader = ref json.Reader;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var errors = reader.ValueTextEquals("errors"u8);
            reader.Read();
            if (errors && reader.TokenType == JsonTokenType.StartArray)
            {
                facts.Errors ??= JsonErrorList.ReadArray(ref json);
            }
            else
            {
                reader.Skip();
            }

            SkipUnread(ref reader);
        }
    }

    // OData v2/v3 (SAP Gateway, SharePoint, WCF Data Services): "message": {"lang": "en", "value": "…"}.
    private static string? ReadLocalizedText(ref Utf8JsonReader reader)
    {
        string? value = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isValue = reader.ValueTextEquals("value"u8);
            reader.Read();
            if (isValue && reader.TokenType == JsonTokenType.String)
            {
                value ??= JsonKeys.ReadString(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return value;
    }
}
