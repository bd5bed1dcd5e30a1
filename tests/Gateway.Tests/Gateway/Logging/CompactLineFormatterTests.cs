using System.Diagnostics;
using System.Globalization;
using Gateway.Logging;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;
using Serilog.Parsing;

namespace Gateway.Tests.Gateway.Logging;

/// <summary>The gateway's line formatter writes exactly what Serilog's rendered compact JSON formatter writes.</summary>
public sealed class CompactLineFormatterTests
{
    private static readonly string[] s_awkward =
    [
        "", "plain", "quote \" and back\\slash", "line\nbreak\r\ttab\fform", "bell\u0007 nul\0 unit\u001f del\u007f",
        "café 😀 日本語", "\\u0041 looks escaped", "{braces} and {{doubled}}", "@at", "\ud800 lone surrogate",
    ];

    public static TheoryData<string> AwkwardText()
    {
        var data = new TheoryData<string>();
        foreach (var text in s_awkward)
        {
            data.Add(text);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AwkwardText))]
    public void AwkwardText_InMessageValuesAndNames_SameCharacters(string text)
    {
        var events = Capture(logger =>
        {
            logger.Information("Path {Path} at {When:yyyy-MM-dd} n={Count,6:0.00} {@Shape} {$Raw} {Missing}", text, new DateTime(2026, 12, 6), 3.14159, new { Name = text, Items = new[] { 1, 2 } }, new object());
            logger.Information(text);
            logger.ForContext(text, text).ForContext("@" + text, new Dictionary<string, object?> { [text] = null, ["n"] = 1 }).Warning("{A} {B}", text, (string?)null);
        });

        AssertSameLines(events);
    }

    [Fact]
    public void EveryLevel_Exceptions_AndTraceIds_SameCharacters()
    {
        var exception = new InvalidOperationException("bad \"thing\"\nsecond line");
        var events = Capture(logger =>
        {
            foreach (var level in Enum.GetValues<LogEventLevel>())
            {
                logger.Write(level, exception, "Level {Level} for {Route}", level, "api");
            }
        });

        var traced = new LogEvent(DateTimeOffset.Now, LogEventLevel.Information, null, new MessageTemplateParser().Parse("traced {X}"),
            [new LogEventProperty("X", new ScalarValue(1))], ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom());

        AssertSameLines([.. events, traced]);
    }

    [Fact]
    public void RandomText_SameCharacters()
    {
        var random = new Random(20261206);
        const string Alphabet = "ab\"\\\n\r\t\f\u0001\u001f é😀{}@:,0";
        var events = new List<LogEvent>();
        for (var i = 0; i < 300; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 40)).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());
            events.AddRange(Capture(logger => logger.ForContext("Name" + text, text).Information("{Value} " + text.Replace("{", "", StringComparison.Ordinal), text)));
        }

        AssertSameLines(events);
    }

    private static void AssertSameLines(IEnumerable<LogEvent> events)
    {
        var expected = new RenderedCompactJsonFormatter();
        var actual = new CompactLineFormatter();
        foreach (var logEvent in events)
        {
            using var reference = new StringWriter(CultureInfo.InvariantCulture);
            using var written = new StringWriter(CultureInfo.InvariantCulture);
            expected.Format(logEvent, reference);
            actual.Format(logEvent, written);
            Assert.Equal(reference.ToString(), written.ToString());
        }
    }

    private static List<LogEvent> Capture(Action<ILogger> write)
    {
        var events = new List<LogEvent>();
        using (var logger = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(new Collect(events)).CreateLogger())
        {
            write(logger);
        }

        return events;
    }

    private sealed class Collect(List<LogEvent> events) : Serilog.Core.ILogEventSink
    {
        public void Emit(LogEvent logEvent) => events.Add(logEvent);
    }
}
