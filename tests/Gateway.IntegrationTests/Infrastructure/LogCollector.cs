using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests.Infrastructure;

/// <summary>Collects the gateway's log lines for assertions and copies them to the test output.</summary>
public sealed class LogCollector(ITestOutputHelper? output) : ILoggerProvider
{
    public ConcurrentQueue<LogLine> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCollector owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = new LogLine(logLevel, category, eventId.Name, formatter(state, exception), exception);
            owner.Lines.Enqueue(line);
            try
            {
                owner.Output?.WriteLine($"{logLevel} {category}: {line.Message}{(exception is null ? "" : " " + exception.GetType().Name)}");
            }
            catch (InvalidOperationException)
            {
                // The test already finished.
            }
        }
    }

    private ITestOutputHelper? Output { get; } = output;
}

public sealed record LogLine(LogLevel Level, string Category, string? EventName, string Message, Exception? Exception);
