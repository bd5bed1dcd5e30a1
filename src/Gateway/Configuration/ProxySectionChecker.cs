using System.Globalization;
using System.Reflection;
using System.Security.Authentication;
using Yarp.ReverseProxy.Configuration;

namespace Gateway.Configuration;

/// <summary>
/// Holds the <c>ReverseProxy</c> section to YARP's config types, as the gateway's own section is bound with
/// <c>ErrorOnUnknownConfiguration</c>. YARP's reader ignores unknown keys ("Timout") and reads a string where it
/// expects an array ("Methods": "GET") as no value at all, so a route would silently match every method.
/// </summary>
internal static class ProxySectionChecker
{
    public const string SectionName = "ReverseProxy";

    // The shape comes from YARP's own types, so it follows a YARP upgrade. The ids are the entries' names, not fields.
    private static readonly (Type Type, string Name)[] s_notKeys = [(typeof(RouteConfig), nameof(RouteConfig.RouteId)), (typeof(ClusterConfig), nameof(ClusterConfig.ClusterId))];

    public static void Check(IConfiguration candidate, List<ConfigProblem> problems)
    {
        var section = candidate.GetSection(SectionName);
        CheckKeys(section, ["Routes", "Clusters"], SectionName, problems);
        CheckMap(section.GetSection("Routes"), typeof(RouteConfig), $"{SectionName}:Routes", problems);
        CheckMap(section.GetSection("Clusters"), typeof(ClusterConfig), $"{SectionName}:Clusters", problems);
    }

    private static void Check(IConfigurationSection section, Type type, string path, List<ConfigProblem> problems)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(SslProtocols))
        {
            // YARP reads SslProtocols as a list of names ("Tls12", "Tls13") and combines them.
            CheckList(section, typeof(string), path, problems);
        }
        else if (IsScalar(type))
        {
            if (section.GetChildren().Any())
            {
                problems.Add(new(path, "must be a single value, not an object or array"));
            }
            else if (section.Value is { Length: > 0 } value && !Parses(value, type))
            {
                // YARP's reader would throw without saying where ("String '10s' was not recognized as a valid TimeSpan").
                problems.Add(new(path, $"'{value}' is not a valid {Describe(type)}"));
            }
        }
        else if (ElementOf(type, typeof(IReadOnlyList<>)) is { } element)
        {
            CheckList(section, element, path, problems);
        }
        else if (ElementOf(type, typeof(IReadOnlyDictionary<,>)) is { } value)
        {
            CheckMap(section, value, path, problems);
        }
        else
        {
            var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => !s_notKeys.Contains((type, p.Name)))
                .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
            if (!IsContainer(section, path, "an object", problems))
            {
                return;
            }

            CheckKeys(section, properties.Keys, path, problems);
            foreach (var child in section.GetChildren())
            {
                if (properties.TryGetValue(child.Key, out var property))
                {
                    Check(child, property.PropertyType, $"{path}:{child.Key}", problems);
                }
            }
        }
    }

    // Metadata and a transform's entries are free-form: any key, string values.
    private static void CheckMap(IConfigurationSection section, Type valueType, string path, List<ConfigProblem> problems)
    {
        if (!IsContainer(section, path, "an object", problems))
        {
            return;
        }

        foreach (var child in section.GetChildren())
        {
            Check(child, valueType, $"{path}:{child.Key}", problems);
        }
    }

    private static void CheckList(IConfigurationSection section, Type elementType, string path, List<ConfigProblem> problems)
    {
        if (!IsContainer(section, path, "an array", problems))
        {
            return;
        }

        foreach (var child in section.GetChildren())
        {
            // An object where an array belongs binds by its keys ("Methods": { "a": "GET" }): refuse it too.
            if (!int.TryParse(child.Key, out _))
            {
                problems.Add(new(path, "must be an array"));
                return;
            }

            Check(child, elementType, $"{path}:{child.Key}", problems);
        }
    }

    // A JSON string, number or bool where an object or array belongs has a value and no children.
    private static bool IsContainer(IConfigurationSection section, string path, string what, List<ConfigProblem> problems)
    {
        if (section.Value is { Length: > 0 })
        {
            problems.Add(new(path, $"must be {what}, not a single value"));
            return false;
        }

        return true;
    }

    private static void CheckKeys(IConfigurationSection section, IEnumerable<string> known, string path, List<ConfigProblem> problems)
    {
        var names = known.ToArray();
        foreach (var child in section.GetChildren())
        {
            if (!names.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add(new($"{path}:{child.Key}", $"is not a YARP setting here; known keys: {string.Join(", ", names)}"));
            }
        }
    }

    // As lenient as YARP's reader or more (it parses with int.Parse, TimeSpan.Parse or ParseExact "c", bool.Parse,
    // Enum.Parse ignoring case, Version.Parse with ".0" added to a bare major, new Uri): a value refused here is refused
    // there too; one it refuses that passes here still gets its general message.
    private static bool Parses(string value, Type type) =>
        type == typeof(int) || type == typeof(long) ? long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
        : type == typeof(double) ? double.TryParse(value, NumberStyles.Any, CultureInfo.InvariantCulture, out _)
        : type == typeof(bool) ? bool.TryParse(value, out _)
        : type == typeof(TimeSpan) ? TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out _)
        : type == typeof(Version) ? Version.TryParse(value.Contains('.', StringComparison.Ordinal) ? value : value + ".0", out _)
        : type == typeof(Uri) ? Uri.TryCreate(value, UriKind.Absolute, out _)
        : !type.IsEnum || Enum.TryParse(type, value, ignoreCase: true, out _);

    private static string Describe(Type type) =>
        type == typeof(int) || type == typeof(long) ? "whole number"
        : type == typeof(double) ? "number"
        : type == typeof(bool) ? "boolean (true or false)"
        : type == typeof(TimeSpan) ? "time span (e.g. 00:00:30)"
        : type == typeof(Version) ? "HTTP version (e.g. 1.1, 2)"
        : type == typeof(Uri) ? "absolute URL"
        : type.IsEnum ? $"value ({string.Join(", ", Enum.GetNames(type))})"
        : type.Name;

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(TimeSpan) || type == typeof(Version) || type == typeof(Uri);

    private static Type? ElementOf(Type type, Type generic) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == generic ? type.GetGenericArguments()[^1] : null;
}
