using System.Text;
using Gateway.Logging;
using Serilog;
using Serilog.Formatting.Compact;

namespace Gateway.Tests.Gateway.Logging;

/// <summary>The stdout sink writes exactly what Serilog's formatter renders, one line per event, whatever the text.</summary>
public sealed class StdoutJsonSinkTests
{
    [Theory]
    [InlineData("GET /students/12")]
    [InlineData("café 😀 日本語")] // multi-byte and a surrogate pair
    [InlineData("")]
    public void Line_IsTheFormattersOutput_InUtf8(string path)
    {
        var (written, expected) = WriteAndRender(path);
        Assert.Equal(expected, written);
    }

    [Fact]
    public void LongLines_GrowTheBuffers_AndLaterShortLinesAreNotPolluted()
    {
        // Longer than the kept buffers (4096 chars), with surrogate pairs spread so some straddle StringBuilder chunks.
        var longPath = string.Concat(Enumerable.Repeat("ab😀", 6000));
        using var output = new MemoryStream();
        var formatter = new RenderedCompactJsonFormatter();
        using var sink = new StdoutJsonSink(formatter, output);
        using var logger = new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger();

        logger.Information("Path {Path}", longPath);
        logger.Information("Path {Path}", "short");

        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains(longPath, lines[0], StringComparison.Ordinal);
        Assert.Contains("\"Path\":\"short\"", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("😀", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void AfterDispose_EventsAreDropped_NotThrown()
    {
        using var output = new MemoryStream();
        var sink = new StdoutJsonSink(new RenderedCompactJsonFormatter(), output);
        sink.Dispose();
        using var logger = new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger();

        logger.Information("late {Value}", 1);

        Assert.Equal(0, output.Length);
    }

    private static (string Written, string Expected) WriteAndRender(string path)
    {
        using var output = new MemoryStream();
        var formatter = new RenderedCompactJsonFormatter();
        var captured = new List<Serilog.Events.LogEvent>();
        using (var sink = new StdoutJsonSink(formatter, output))
        using (var logger = new LoggerConfiguration().WriteTo.Sink(sink).WriteTo.Sink(new Capture(captured)).CreateLogger())
        {
            logger.Information("{Method} {Path} status={StatusCode}", "GET", path, 200);
        }

        using var expected = new StringWriter();
        formatter.Format(Assert.Single(captured), expected);
        return (Encoding.UTF8.GetString(output.ToArray()), expected.ToString());
    }

    private sealed class Capture(List<Serilog.Events.LogEvent> events) : Serilog.Core.ILogEventSink
    {
        public void Emit(Serilog.Events.LogEvent logEvent) => events.Add(logEvent);
    }
}
