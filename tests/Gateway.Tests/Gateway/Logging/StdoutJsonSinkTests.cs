using System.Text;
using Gateway.Logging;
using Microsoft.Extensions.Time.Testing;
using Serilog;
using Serilog.Formatting.Compact;

namespace Gateway.Tests.Gateway.Logging;

/// <summary>The stdout sink writes exactly what Serilog's formatter renders, one line per event, whatever the text; with a
/// hold time, lines are written together, never out of order, and never later than the hold, a warning or the end.</summary>
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

    [Fact]
    public void HeldLines_AreWrittenTogether_WhenTheHoldTimeHasPassed()
    {
        var time = new FakeTimeProvider();
        using var output = new CountingStream();
        using var sink = new StdoutJsonSink(new RenderedCompactJsonFormatter(), output, TimeSpan.FromMilliseconds(250), time);
        using var logger = new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger();

        logger.Information("request {N}", 1);
        time.Advance(TimeSpan.FromMilliseconds(200));
        logger.Information("request {N}", 2);
        logger.Information("request {N}", 3);
        Assert.Equal(0, output.Length);

        // The hold runs from the first held line, not the last.
        time.Advance(TimeSpan.FromMilliseconds(50));
        Assert.Equal(["request 1", "request 2", "request 3"], Messages(output));
        Assert.Equal(1, output.Writes);

        logger.Information("request {N}", 4);
        time.Advance(TimeSpan.FromMilliseconds(249));
        Assert.Equal(3, Messages(output).Length);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(["request 1", "request 2", "request 3", "request 4"], Messages(output));
        Assert.Equal(2, output.Writes);
    }

    [Theory]
    [InlineData(Serilog.Events.LogEventLevel.Warning)]
    [InlineData(Serilog.Events.LogEventLevel.Error)]
    [InlineData(Serilog.Events.LogEventLevel.Fatal)]
    public void AWarningOrWorse_IsNeverHeld_AndTakesTheHeldLinesWithIt(Serilog.Events.LogEventLevel level)
    {
        using var output = new CountingStream();
        using var sink = new StdoutJsonSink(new RenderedCompactJsonFormatter(), output, TimeSpan.FromSeconds(10), new FakeTimeProvider());
        using var logger = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(sink).CreateLogger();

        logger.Information("request {N}", 1);
        logger.Debug("detail {N}", 2);
        logger.Write(level, "upstream {N} failed", 3);

        Assert.Equal(["request 1", "detail 2", "upstream 3 failed"], Messages(output));
        Assert.Equal(1, output.Writes);
    }

    [Fact]
    public void HeldBytes_ReachingTheBound_AreWrittenWithoutWaiting()
    {
        using var output = new CountingStream();
        using var sink = new StdoutJsonSink(new RenderedCompactJsonFormatter(), output, TimeSpan.FromSeconds(10), new FakeTimeProvider());
        using var logger = new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger();
        var line = new string('x', 1000);

        var written = 0;
        while (output.Writes == 0)
        {
            logger.Information("{Text}", line);
            written++;
            Assert.True(written < 100, "the held lines were never written");
        }

        // Lines of equal length: the write came with the line that crossed the bound, and carried every line.
        var lineBytes = output.Length / written;
        Assert.Equal(0, output.Length % written);
        Assert.InRange(output.Length, StdoutJsonSink.FlushBytes, StdoutJsonSink.FlushBytes + lineBytes - 1);
        Assert.Equal(written, Messages(output).Length);
    }

    [Fact]
    public void Dispose_WritesWhatIsHeld()
    {
        using var output = new CountingStream();
        var sink = new StdoutJsonSink(new RenderedCompactJsonFormatter(), output, TimeSpan.FromSeconds(10), new FakeTimeProvider());
        var logger = new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger();
        logger.Information("last {N}", 1);
        Assert.Equal(0, output.Length);

        logger.Dispose(); // disposes the sink, as the host's logger does at shutdown
        sink.Dispose();

        Assert.Equal(["last 1"], Messages(output));
    }

    [Fact]
    public void NoHold_WritesEveryLineAtOnce()
    {
        using var output = new CountingStream();
        using var sink = new StdoutJsonSink(new RenderedCompactJsonFormatter(), output, TimeSpan.Zero, new FakeTimeProvider());
        using var logger = new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger();

        logger.Information("request {N}", 1);
        logger.Information("request {N}", 2);

        Assert.Equal(["request 1", "request 2"], Messages(output));
        Assert.Equal(2, output.Writes);
    }

    [Fact]
    public void AStdoutThatFails_WhenTheTimerWrites_LosesTheLines_AndTheProcessGoesOn()
    {
        var time = new FakeTimeProvider();
        using var output = new CountingStream { Fail = true };
        using var sink = new StdoutJsonSink(new RenderedCompactJsonFormatter(), output, TimeSpan.FromMilliseconds(250), time);
        using var logger = new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger();

        logger.Information("request {N}", 1);
        time.Advance(TimeSpan.FromSeconds(1)); // the timer's write throws inside the sink, not out of the callback

        output.Fail = false;
        logger.Information("request {N}", 2);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(["request 2"], Messages(output));
    }

    private static string[] Messages(CountingStream output) =>
        [.. Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("@m").GetString()!)];

    private sealed class CountingStream : MemoryStream
    {
        public int Writes { get; private set; }

        public bool Fail { get; set; }

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (Fail)
            {
                throw new IOException("Broken pipe");
            }

            Writes++;
            base.Write(buffer, offset, count);
        }
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
