using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Json;

namespace Gateway.Logging;

/// <summary>
/// Serilog's rendered compact JSON (CLEF: <c>@t</c>, <c>@m</c>, <c>@i</c>, <c>@l</c>, <c>@x</c>, <c>@tr</c>,
/// <c>@sp</c>, then the properties), the same characters as <see cref="RenderedCompactJsonFormatter"/>, written without
/// the strings it makes per event: the timestamp, the rendered message, each escaped segment of it, the event id
/// (hashed again per event) and the trace ids. Property values go through Serilog's own <see cref="JsonValueFormatter"/>.
/// </summary>
internal sealed class CompactLineFormatter : ITextFormatter
{
    private const int TimestampChars = 33; // "O" of a UTC DateTime: 2026-12-06T11:21:47.0299734Z

    private static readonly ConditionalWeakTable<MessageTemplate, string> s_eventIds = [];

    // The message is rendered here first, then escaped into the output; one per thread, kept between events.
    [ThreadStatic]
    private static StringWriter? t_message;

    private readonly JsonValueFormatter _values = new(typeTagName: "$type");

    public void Format(LogEvent logEvent, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        ArgumentNullException.ThrowIfNull(output);

        output.Write("{\"@t\":\"");
        Span<char> timestamp = stackalloc char[TimestampChars];
        logEvent.Timestamp.UtcDateTime.TryFormat(timestamp, out var length, "O", CultureInfo.InvariantCulture);
        output.Write(timestamp[..length]);
        output.Write("\",\"@m\":");
        WriteMessage(logEvent, output);
        output.Write(",\"@i\":\"");
        output.Write(s_eventIds.GetValue(logEvent.MessageTemplate, static t => EventIdHash.Compute(t.Text).ToString("x8", CultureInfo.InvariantCulture)));
        output.Write('"');

        if (logEvent.Level != LogEventLevel.Information)
        {
            output.Write(",\"@l\":\"");
            output.Write(LevelName(logEvent.Level));
            output.Write('"');
        }

        if (logEvent.Exception is { } exception)
        {
            output.Write(",\"@x\":");
            JsonValueFormatter.WriteQuotedJsonString(exception.ToString(), output);
        }

        if (logEvent.TraceId is { } traceId)
        {
            output.Write(",\"@tr\":\"");
            output.Write(traceId.ToHexString());
            output.Write('"');
        }

        if (logEvent.SpanId is { } spanId)
        {
            output.Write(",\"@sp\":\"");
            output.Write(spanId.ToHexString());
            output.Write('"');
        }

        if (logEvent.Properties is Dictionary<string, LogEventPropertyValue> properties)
        {
            foreach (var (name, value) in properties)
            {
                WriteProperty(name, value, output);
            }
        }
        else
        {
            foreach (var (name, value) in logEvent.Properties)
            {
                WriteProperty(name, value, output);
            }
        }

        output.Write('}');
        output.WriteLine();
    }

    private void WriteProperty(string name, LogEventPropertyValue value, TextWriter output)
    {
        output.Write(',');
        // Names starting with '@' are escaped by doubling it: the CLEF fields own that prefix.
        if (name.Length > 0 && name[0] == '@')
        {
            output.Write("\"@");
            WriteEscaped(name, output);
            output.Write('"');
        }
        else
        {
            output.Write('"');
            WriteEscaped(name, output);
            output.Write('"');
        }

        output.Write(':');
        _values.Format(value, output);
    }

    private static void WriteMessage(LogEvent logEvent, TextWriter output)
    {
        var writer = t_message ??= new StringWriter(new StringBuilder(256), CultureInfo.InvariantCulture);
        var message = writer.GetStringBuilder();
        message.Clear();
        logEvent.MessageTemplate.Render(logEvent.Properties, writer, CultureInfo.InvariantCulture);

        output.Write('"');
        foreach (var chunk in message.GetChunks())
        {
            WriteEscaped(chunk.Span, output);
        }

        output.Write('"');
    }

    // JsonValueFormatter.WriteQuotedJsonString's escapes, over a span: quote, backslash, \n \r \f \t, other controls as \uXXXX.
    private static void WriteEscaped(ReadOnlySpan<char> text, TextWriter output)
    {
        Span<char> hex = stackalloc char[6];
        while (!text.IsEmpty)
        {
            var next = IndexOfEscaped(text);
            if (next < 0)
            {
                output.Write(text);
                return;
            }

            output.Write(text[..next]);
            if (ShortEscape(text[next]) is { } escape)
            {
                output.Write(escape);
            }
            else
            {
                "\\u".CopyTo(hex);
                ((int)text[next]).TryFormat(hex[2..], out _, "X4", CultureInfo.InvariantCulture);
                output.Write(hex);
            }

            text = text[(next + 1)..];
        }
    }

    private static string? ShortEscape(char c) => c switch
    {
        '"' => "\\\"",
        '\\' => "\\\\",
        '\n' => "\\n",
        '\r' => "\\r",
        '\f' => "\\f",
        '\t' => "\\t",
        _ => null,
    };

    private static int IndexOfEscaped(ReadOnlySpan<char> text)
    {
        var control = text.IndexOfAnyInRange('\0', (char)31);
        var special = text.IndexOfAny('"', '\\');
        return control < 0 ? special : special < 0 ? control : Math.Min(control, special);
    }

    private static string LevelName(LogEventLevel level) => level switch
    {
        LogEventLevel.Verbose => nameof(LogEventLevel.Verbose),
        LogEventLevel.Debug => nameof(LogEventLevel.Debug),
        LogEventLevel.Warning => nameof(LogEventLevel.Warning),
        LogEventLevel.Error => nameof(LogEventLevel.Error),
        LogEventLevel.Fatal => nameof(LogEventLevel.Fatal),
        _ => level.ToString(),
    };
}
