using System.Collections.Concurrent;

namespace Gateway.Logging;

/// <summary>
/// Hands out one logger per category, as Microsoft's own LoggerFactory does. Serilog's factory builds a new logger
/// (and its event-id cache) on every call, and authentication handlers, created per request, ask for one each time.
/// </summary>
internal sealed class CachingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    private readonly ConcurrentDictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);

    public ILogger CreateLogger(string categoryName) => _loggers.GetOrAdd(categoryName, inner.CreateLogger);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();

    /// <summary>Wraps the <see cref="ILoggerFactory"/> registered last (Serilog's) in the cache.</summary>
    public static void Decorate(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(ILoggerFactory));
        services.Remove(registered);
        services.AddSingleton<ILoggerFactory>(provider => new CachingLoggerFactory(registered.ImplementationFactory is { } create
            ? (ILoggerFactory)create(provider)
            : registered.ImplementationInstance is ILoggerFactory instance
                ? instance
                : (ILoggerFactory)ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!)));
    }
}
