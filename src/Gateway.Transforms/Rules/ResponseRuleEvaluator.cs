using System.Runtime.InteropServices;
using System.Text.Json;
using Gateway.Transforms.Errors;
using Gateway.Transforms.Extraction;
using Gateway.Transforms.Scrubbing;

namespace Gateway.Transforms.Rules;

/// <summary>Applies a route's <see cref="ResponseRule"/>s to a JSON body. Never throws on any input.</summary>
public static class ResponseRuleEvaluator
{
    private const int MaxMessageLength = 300;
    private static readonly JsonDocumentOptions s_options = new() { MaxDepth = SuccessJson.MaxDepth };

    /// <summary>The first rule that matches a body in the charset its <c>Content-Type</c> declares (or its UTF-16 BOM
    /// says): an old backend's <c>charset=iso-8859-1</c> or UTF-16 JSON is read as the text it is, as error bodies are;
    /// a body of no charset or UTF-8 is read as UTF-8.</summary>
    public static RuleOutcome? Evaluate(IReadOnlyList<ResponseRule> rules, int upstreamStatus, ReadOnlySpan<byte> body, string? contentType)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (rules.Count == 0 || !AnyRuleFor(rules, upstreamStatus))
        {
            return null;
        }

        var transcoded = BodyDecoder.TranscodeToUtf8(body, MediaType.Parse(contentType).Charset);
        return Evaluate(rules, upstreamStatus, transcoded is null ? body : transcoded);
    }

    /// <summary>The first rule that matches, or null (no rule for this status, not JSON, or nothing matched).</summary>
    public static RuleOutcome? Evaluate(IReadOnlyList<ResponseRule> rules, int upstreamStatus, ReadOnlySpan<byte> utf8Json)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (rules.Count == 0 || !AnyRuleFor(rules, upstreamStatus))
        {
            return null;
        }

        // An HTML page or a line of text is not copied to be refused by the parser.
        var json = SuccessJson.WithoutBom(utf8Json);
        if (!SuccessJson.MayBeJson(json))
        {
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json.ToArray(), s_options);
        }
        catch (JsonException)
        {
            return null;
        }

        using (document)
        {
            foreach (var rule in rules)
            {
                if (rule.WhenStatus.Contains(upstreamStatus) && Matches(rule, document.RootElement))
                {
                    return Outcome(rule, document.RootElement);
                }
            }
        }

        return null;
    }

    private static bool AnyRuleFor(IReadOnlyList<ResponseRule> rules, int status)
    {
        foreach (var rule in rules)
        {
            if (rule.WhenStatus.Contains(status))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Matches(ResponseRule rule, JsonElement root)
    {
        var found = JsonPointer.TryResolve(root, rule.Path, out var value);
        if (rule.EqualsValue is null)
        {
            return found == rule.Exists;
        }

        return found && ValueText(value) is { } text && string.Equals(text, rule.EqualsValue,
            value.ValueKind is JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }

    private static RuleOutcome Outcome(ResponseRule rule, JsonElement root)
    {
        if (rule.MessagePath is null || !JsonPointer.TryResolve(root, rule.MessagePath, out var value))
        {
            return new RuleOutcome(rule.Status, null, LeakKinds.None);
        }

        var message = MessageOf(value);
        if (string.IsNullOrWhiteSpace(message))
        {
            return new RuleOutcome(rule.Status, null, LeakKinds.None);
        }

        var leaks = LeakScanner.Scan(message);
        return leaks != LeakKinds.None
            ? new RuleOutcome(rule.Status, null, leaks)
            : new RuleOutcome(rule.Status, Trim(message), LeakKinds.None);
    }

    // A string, a list of strings or of {message}, or an object with a message.
    // Nesting is bounded (a list of {message} is two levels; four are allowed) so a deep body cannot recurse far.
    private static string? MessageOf(JsonElement value, int depth = 0) => value.ValueKind switch
    {
        JsonValueKind.String => StringOf(value),
        JsonValueKind.Array when depth < 4 => string.Join("; ", value.EnumerateArray().Select(e => MessageOf(e, depth + 1)).Where(m => !string.IsNullOrWhiteSpace(m))),
        JsonValueKind.Object when depth < 4 => JsonPointer.TryResolve(value, "/message", out var m) || JsonPointer.TryResolve(value, "/Message", out m) ? MessageOf(m, depth + 1) : null,
        _ => null,
    };

    // GetString throws on invalid UTF-8 or a lone surrogate escape; legacy bodies carry both.
    private static string StringOf(JsonElement value)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        return LenientJsonString.Decode(raw[1..^1]);
    }

    private static string? ValueText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => StringOf(value),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null => value.GetRawText(),
        _ => null,
    };

    private static string Trim(string message)
    {
        message = message.Trim();
        if (message.Length <= MaxMessageLength)
        {
            return message;
        }

        var cut = message.LastIndexOf(' ', MaxMessageLength);
        return string.Concat(message.AsSpan(0, cut > MaxMessageLength / 2 ? cut : MaxMessageLength), "…");
    }

}
