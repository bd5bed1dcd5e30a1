using System.Collections.Concurrent;
using Serilog.Events;

namespace Gateway.Logging;

/// <summary>
/// Log property values that repeat on every line (status codes, methods, flag sets), made once: a
/// <see cref="ScalarValue"/> is immutable, so one instance serves every event.
/// </summary>
internal static class ScalarCache
{
    private const int FirstStatus = 100;
    private const int LastStatus = 599;

    private static readonly ScalarValue[] s_statuses = Enumerable.Range(FirstStatus, LastStatus - FirstStatus + 1)
        .Select(status => new ScalarValue(status))
        .ToArray();

    private static readonly ScalarValue s_null = new(null);
    private static readonly ScalarValue s_true = new(true);
    private static readonly ScalarValue s_false = new(false);

    public static ScalarValue Status(int? status) => status switch
    {
        null => s_null,
        >= FirstStatus and <= LastStatus => s_statuses[status.Value - FirstStatus],
        _ => new ScalarValue(status.Value),
    };

    public static ScalarValue Boolean(bool value) => value ? s_true : s_false;

    public static ScalarValue String(string? value) => value is null ? s_null : new ScalarValue(value);

    /// <summary>Methods are interned by Kestrel for the common verbs; others get a value of their own.</summary>
    public static ScalarValue Method(string method) => method switch
    {
        "GET" => Methods.Get,
        "POST" => Methods.Post,
        "PUT" => Methods.Put,
        "DELETE" => Methods.Delete,
        "PATCH" => Methods.Patch,
        "HEAD" => Methods.Head,
        "OPTIONS" => Methods.Options,
        _ => new ScalarValue(method),
    };

    /// <summary>A flags value: only a few combinations ever occur, each kept once with its name.</summary>
    /// <remarks>
    /// Held as its name rather than the enum, which would format its flag names anew each time the line is rendered
    /// (message and JSON); it renders the same: unquoted in the message, a JSON string in the properties.
    /// </remarks>
    public static ScalarValue Flags<TEnum>(TEnum value)
        where TEnum : struct, Enum => FlagValues<TEnum>.Values.GetOrAdd(value, static v => new ScalarValue(new FlagNames(v.ToString())));

    private static class Methods
    {
        public static readonly ScalarValue Get = new("GET");
        public static readonly ScalarValue Post = new("POST");
        public static readonly ScalarValue Put = new("PUT");
        public static readonly ScalarValue Delete = new("DELETE");
        public static readonly ScalarValue Patch = new("PATCH");
        public static readonly ScalarValue Head = new("HEAD");
        public static readonly ScalarValue Options = new("OPTIONS");
    }

    /// <summary>A value that renders as its text, like an enum does (a string would be quoted in the message).</summary>
    private sealed class FlagNames(string names)
    {
        public override string ToString() => names;
    }

    private static class FlagValues<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly ConcurrentDictionary<TEnum, ScalarValue> Values = new();
    }
}
