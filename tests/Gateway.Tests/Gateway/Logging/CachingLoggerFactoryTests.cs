using Gateway.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.Tests.Gateway.Logging;

/// <summary>One logger per category, whatever factory was registered before (Serilog's builds a new one per call).</summary>
public sealed class CachingLoggerFactoryTests
{
    [Fact]
    public void Decorate_SameCategoryTwice_OneLogger_OtherCategory_Another()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(_ => new CountingFactory());
        CachingLoggerFactory.Decorate(services);
        using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<ILoggerFactory>();

        var first = factory.CreateLogger("Gateway.Auth");
        var second = factory.CreateLogger("Gateway.Auth");
        var other = factory.CreateLogger("Gateway.Proxy");

        Assert.Same(first, second);
        Assert.NotSame(first, other);
        Assert.Equal(2, CountingFactory.Created);
    }

    private sealed class CountingFactory : ILoggerFactory
    {
        public static int Created { get; private set; }

        public ILogger CreateLogger(string categoryName)
        {
            Created++;
            return new LoggerFactory().CreateLogger(categoryName);
        }

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }
    }
}
