using System.Globalization;
using System.Text;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace Gateway.Logging;

/// <summary>
/// Writes each event as one formatted line to a stream (stdout), with one write call per line, like Serilog's console
/// sink; but the text and its UTF-8 bytes go through buffers kept between events. The console sink builds a new
/// StringBuilder and string per event: a third of what a proxied request allocated with the completion line on.
/// </summary>
internal sealed class StdoutJsonSink(ITextFormatter formatter, Stream output) : ILogEventSink, IDisposable
{
    // Lines longer than this grow the buffers once; the completion line is about 600 characters.
    private const int InitialChars = 4096;

    private readonly Lock _lock = new();
    private readonly StringWriter _text = new(new StringBuilder(InitialChars), CultureInfo.InvariantCulture);
    private readonly Encoder _utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetEncoder();
    private byte[] _bytes = new byte[InitialChars * 3];
    private bool _disposed;

    public void Emit(LogEvent logEvent)
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            var text = _text.GetStringBuilder();
            text.Clear();
            formatter.Format(logEvent, _text);
            var needed = Encoding.UTF8.GetMaxByteCount(text.Length);
            if (_bytes.Length < needed)
            {
                _bytes = new byte[needed];
            }

            var written = 0;
            foreach (var chunk in text.GetChunks())
            {
                // The encoder carries a surrogate pair split across two chunks; the final flush is the empty call below.
                _utf8.Convert(chunk.Span, _bytes.AsSpan(written), flush: false, out _, out var bytes, out _);
                written += bytes;
            }

            _utf8.Convert([], _bytes.AsSpan(written), flush: true, out _, out var tail, out _);
            written += tail;
            output.Write(_bytes, 0, written);
            output.Flush();
        }
    }

    /// <summary>The stream is not the sink's: stdout stays open for whoever writes after the host.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _text.Dispose();
        }
    }
}
