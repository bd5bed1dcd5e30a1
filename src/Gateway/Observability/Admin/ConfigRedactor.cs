using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gateway.Transforms.Scrubbing;

namespace Gateway.Observability.Admin;

/// <summary>
/// Removes secrets from a config tree and from config messages before the admin view shows them. Errs on the side
/// of hiding: a setting whose name looks secret loses its whole value, whatever its type.
/// </summary>
internal static partial class ConfigRedactor
{
    public const string Redacted = "[redacted]";

    // Case-insensitive parts of a setting name that mark its value as secret.
    private static readonly string[] s_secretNameParts =
        ["secret", "password", "passwd", "pwd", "key", "token", "connectionstring", "hash", "pem", "jwk", "credential"];

    // Objects keyed by ids (route, cluster, destination ids), not by setting names: an id is not a secret's name.
    private static readonly string[] s_idMaps = ["Routes", "Clusters", "Destinations"];

    // YARP transform fields that name a header or query parameter; Set/Append beside them carry its value.
    private static readonly string[] s_namingFields = ["RequestHeader", "ResponseHeader", "ResponseTrailer", "QueryValueParameter"];
    private static readonly string[] s_valueFields = ["Set", "Append"];
    private static readonly string[] s_sensitiveHeaders = ["authorization", "proxy-authorization", "cookie", "set-cookie"];

    private static readonly System.Buffers.SearchValues<char> s_notInPaths = System.Buffers.SearchValues.Create("=;, @/");

    /// <summary>True when a setting or header with this name holds a secret.</summary>
    public static bool IsSecretName(string name) =>
        s_secretNameParts.Any(p => name.Contains(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>Redacts a config tree in place and returns it.</summary>
    public static JsonNode? Redact(JsonNode? node, string? propertyName = null)
    {
        switch (node)
        {
            case JsonObject obj:
                var namesAreIds = propertyName is not null && s_idMaps.Contains(propertyName, StringComparer.OrdinalIgnoreCase);
                var secretValueBesideName = IsSecretTransform(obj);
                foreach (var (name, child) in obj.ToList())
                {
                    if (child is null)
                    {
                        continue;
                    }

                    if ((!namesAreIds && IsSecretName(name)) || (secretValueBesideName && s_valueFields.Contains(name, StringComparer.OrdinalIgnoreCase)))
                    {
                        obj[name] = Redacted;
                    }
                    else if (child is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        obj[name] = RedactValue(text);
                    }
                    else
                    {
                        Redact(child, name);
                    }
                }

                return obj;

            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        array[i] = RedactValue(text);
                    }
                    else
                    {
                        Redact(array[i], propertyName);
                    }
                }

                return array;

            default:
                return node;
        }
    }

    /// <summary>A value that carries credentials loses them: URLs their user info, anything else the whole value.</summary>
    public static string RedactValue(string value)
    {
        if (value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || value.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return Redacted;
        }

        if (!LooksLikeCredentials(value))
        {
            return value;
        }

        // http://user:pass@host/ keeps everything but the credentials, so the operator still sees where it points.
        var withoutUserInfo = UserInfo().Replace(value, $"$1{Redacted}@");
        return LooksLikeCredentials(withoutUserInfo) ? Redacted : withoutUserInfo;
    }

    /// <summary>
    /// A config problem's message may quote the offending value; quoted values are dropped when the path or message
    /// names a secret setting or the value looks like a credential. Config paths (<c>Gateway:…</c>) stay.
    /// </summary>
    public static string RedactMessage(string path, string message)
    {
        var secretContext = IsSecretName(path) || IsSecretName(message) || LooksLikeCredentials(message);
        var result = secretContext
            ? Quoted().Replace(message, static m => IsConfigPath(m.Groups[1].Value) ? m.Value : $"'{Redacted}'")
            : message;
        return RedactValue(result);
    }

    // The leak scanner's connection-string rule alone (the full scanner would build every rule's regex).
    private static bool LooksLikeCredentials(string text) =>
        ConnectionStringPatterns.Rules.Any(r => text.AsSpan().ContainsAny(r.Markers) && r.Pattern.IsMatch(text));

    private static bool IsConfigPath(string text) =>
        (text.StartsWith("Gateway:", StringComparison.Ordinal) || text.StartsWith("ReverseProxy:", StringComparison.Ordinal))
        && text.AsSpan().IndexOfAny(s_notInPaths) < 0;

    private static bool IsSecretTransform(JsonObject obj)
    {
        foreach (var field in s_namingFields)
        {
            if (obj.TryGetPropertyValue(field, out var named) && named is JsonValue v && v.TryGetValue<string>(out var name)
                && (IsSecretName(name) || s_sensitiveHeaders.Contains(name, StringComparer.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"\b([a-z][a-z0-9+.\-]*://)[^/\s@""'<>]+@", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UserInfo();

    [GeneratedRegex(@"'([^']*)'", RegexOptions.CultureInvariant)]
    private static partial Regex Quoted();
}
