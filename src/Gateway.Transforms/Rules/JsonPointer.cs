using System.Runtime.InteropServices;
using System.Text.Json;

namespace Gateway.Transforms.Rules;

/// <summary>RFC 6901 JSON Pointer resolution over a parsed document.</summary>
public static class JsonPointer
{
    /// <summary>Whether <paramref name="jsonPointer"/> is syntactically valid: empty, or <c>/</c>-separated tokens.</summary>
    public static bool IsValid(string jsonPointer)
    {
        ArgumentNullException.ThrowIfNull(jsonPointer);
        if (jsonPointer.Length == 0)
        {
            return true;
        }

        if (jsonPointer[0] != '/')
        {
            return false;
        }

        // '~' must be followed by 0 or 1 (RFC 6901 §3).
        for (var i = 0; i < jsonPointer.Length; i++)
        {
            if (jsonPointer[i] == '~' && (i + 1 >= jsonPointer.Length || jsonPointer[i + 1] is not ('0' or '1')))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Finds the value the pointer names; false when any step is missing.</summary>
    public static bool TryResolve(JsonElement root, string jsonPointer, out JsonElement value)
    {
        ArgumentNullException.ThrowIfNull(jsonPointer);
        value = root;
        if (jsonPointer.Length == 0)
        {
            return true;
        }

        foreach (var raw in jsonPointer[1..].Split('/'))
        {
            var token = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            switch (value.ValueKind)
            {
                case JsonValueKind.Object when TryGetProperty(value, token, out var child):
                    value = child;
                    break;
                case JsonValueKind.Array when int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
                                               && index < value.GetArrayLength():
                    value = value[index];
                    break;
                default:
                    value = default;
                    return false;
            }
        }

        return true;
    }

    // Like TryGetProperty (the last duplicate wins), but names are read leniently: TryGetProperty throws on an
    // escaped lone surrogate in a name.
    private static bool TryGetProperty(JsonElement value, string name, out JsonElement child)
    {
        child = default;
        var found = false;
        foreach (var property in value.EnumerateObject())
        {
            if (LenientJsonString.Decode(JsonMarshal.GetRawUtf8PropertyName(property)) == name)
            {
                child = property.Value;
                found = true;
            }
        }

        return found;
    }
}
