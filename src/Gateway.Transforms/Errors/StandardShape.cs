using System.Text.Json;
using System.Text.Unicode;
using Gateway.Transforms.Extraction;
using Gateway.Transforms.Rules;

namespace Gateway.Transforms.Errors;

/// <summary>Whether an upstream body already is the profile's standard error payload for its status.</summary>
internal static class StandardShape
{
    // Strict RFC 8259: no comments or trailing commas, which the message reader tolerates to find a message.
    private static readonly JsonReaderOptions s_strict = new() { MaxDepth = 64 };

    public static bool Matches(ErrorProfile profile, MediaType media, JsonFacts? json, int status)
    {
        if (json is not { IsObject: true })
        {
            return false;
        }

        // The contract: the profile's content type, code/status equal to the status, type/title the reason phrase, and the
        // message member its clients read. An RFC 9457 title naming the problem ("One or more validation errors
        // occurred.", "You do not have enough credit.") is no reason phrase: rewritten, its detail or errors kept.
        return profile.Kind == ErrorProfileKind.ProblemDetails
            ? media.IsProblemJson && json.Status == status && json.HasStringTitle
                && string.Equals(json.Title, StatusDefaults.Title(status), StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(json.Detail)
            : media.IsApplicationJson && json.Code == status && json.HasStringMessage
                && string.Equals(json.Type, StatusDefaults.Title(status), StringComparison.Ordinal);
    }

    /// <summary>
    /// Whether the bytes that would pass unchanged are one JSON object every client parses the same way: UTF-8 without
    /// a BOM (RFC 8259 §8.1), strict syntax, no top-level member named twice (parsers disagree on which one wins, so
    /// <c>"code":400,…,"code":500</c> is no conforming payload), and, for problem details, RFC 9457's string members as
    /// strings (<c>"detail":5</c> would reach a client that reads it as text). No member at any depth may carry debug
    /// output by its name (<c>"exception"</c>, <c>"debug"</c>, <c>"trace"</c> …): what it holds need not look like a leak to
    /// the scanner (a handler name, a bare message), and it is not the client's.
    /// </summary>
    public static bool IsStrictObject(ErrorProfile profile, ReadOnlySpan<byte> body)
    {
        if (body.StartsWith("\uFEFF"u8) || !Utf8.IsValid(body))
        {
            return false;
        }

        var reader = new Utf8JsonReader(body, s_strict);
        var names = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            // To the end: anything after the object makes Read throw, whitespace ends it.
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName)
                {
                    continue;
                }

                var name = reader.GetString()!;
                var topLevel = reader.CurrentDepth == 1;
                if (topLevel && !names.Add(name))
                {
                    return false;
                }

                reader.Read();
                if ((topLevel && profile.Kind == ErrorProfileKind.ProblemDetails && name is "type" or "title" or "detail" or "instance"
                        && reader.TokenType != JsonTokenType.String)
                    || (reader.TokenType != JsonTokenType.Null && DebugFieldStripper.DefaultNames.Contains(name)))
                {
                    return false;
                }
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false; // a lone surrogate escape in a name
        }
    }
}
