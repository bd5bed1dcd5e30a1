using System.Diagnostics;
using Serilog.Events;
using Serilog.Parsing;

namespace Gateway.Logging;

/// <summary>
/// One of the lines the gateway writes for every request (or every rewritten error), built as a Serilog event directly:
/// Microsoft.Extensions.Logging's bridge converts the state into a new, repeatedly grown property set per event. The
/// event goes through the same Serilog pipeline (enrichers, configured sinks, other logger providers) and reads as a
/// source-generated log call would: its parameters (added by the caller, in their order), the event id, the category,
/// then the request scope's properties in the order ASP.NET Core's scope gives them (the log context adds the
/// correlation id after them).
/// </summary>
internal sealed class RequestLine
{
    // Event id, category, the request scope's three and the correlation id.
    private const int AddedProperties = 6;

    private readonly Serilog.ILogger _serilog;
    private readonly ILogger _gate;
    private readonly MessageTemplate _template;
    private readonly StructureValue _eventId;
    private readonly ScalarValue _category;
    private readonly int _capacity;

    public RequestLine(Serilog.ILogger serilog, ILoggerFactory loggers, string category, EventId eventId, string template)
    {
        _serilog = serilog;
        // Filters of both logging configurations apply (Serilog overrides and Logging:LogLevel).
        _gate = loggers.CreateLogger(category);
        _template = new MessageTemplateParser().Parse(template);
        _eventId = new StructureValue([new("Id", new ScalarValue(eventId.Id)), new("Name", new ScalarValue(eventId.Name))]);
        _category = new ScalarValue(category);
        _capacity = _template.Tokens.OfType<PropertyToken>().Count() + AddedProperties;
    }

    public bool IsEnabled => _gate.IsEnabled(LogLevel.Information);

    /// <summary>A property set sized for the whole event; the caller adds the template's properties.</summary>
    public Dictionary<string, LogEventPropertyValue> Properties() => new(_capacity);

    /// <param name="context">The request whose scope properties the line carries.</param>
    /// <param name="properties">The template's properties, from <see cref="Properties"/>.</param>
    /// <param name="path">The request path as already given to the template, reused for the scope's path.</param>
    public void Write(HttpContext context, Dictionary<string, LogEventPropertyValue> properties, ScalarValue? path = null)
    {
        var request = context.Request;
        properties["EventId"] = _eventId;
        properties["SourceContext"] = _category;
        properties["RequestId"] = new ScalarValue(context.TraceIdentifier);
        properties["RequestPath"] = path is not null && !request.PathBase.HasValue ? path : new ScalarValue((request.PathBase + request.Path).Value);
        properties["ConnectionId"] = new ScalarValue(context.Connection.Id);

        var activity = Activity.Current;
        _serilog.Write(LogEvent.UnstableAssembleFromParts(
            DateTimeOffset.Now,
            LogEventLevel.Information,
            null,
            _template,
            properties,
            activity?.TraceId ?? default,
            activity?.SpanId ?? default));
    }
}
