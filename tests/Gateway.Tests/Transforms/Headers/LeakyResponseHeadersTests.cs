using Gateway.Transforms.Headers;

namespace Gateway.Tests.Transforms.Headers;

public sealed class LeakyResponseHeadersTests
{
    [Theory]
    [InlineData("X-Debug-Db")]
    [InlineData("x-debug-db-user")]
    [InlineData("X-Debug-Env")]
    [InlineData("X-Debug-Class")]
    [InlineData("X-Debug-Template")]
    [InlineData("X-Debug-Mode")]
    [InlineData("X-Debug-Token")]
    [InlineData("X-Debugbar-Link")]
    [InlineData("X-Clockwork-Path")]
    [InlineData("X-Xdebug-Profile-Filename")]
    [InlineData("X-MiniProfiler-Ids")]
    [InlineData("X-Symfony-Cache")]
    [InlineData("X-Drupal-Cache-Tags")]
    [InlineData("X-Drupal-Cache-Contexts")]
    [InlineData("X-Envoy-Upstream-Healthchecked-Cluster")]
    [InlineData("x-envoy-attempt-count")]
    [InlineData("X-Kong-Request-Id")]
    [InlineData("X-Kong-Upstream-Status")]
    public void HasDebugPrefix_DebugFamilies(string name) => Assert.True(LeakyResponseHeaders.HasDebugPrefix(name));

    [Theory]
    [InlineData("X-Debug")]            // by name, in BuiltIn
    [InlineData("X-Debugger-Session")] // not the family
    [InlineData("X-Total-Count")]
    [InlineData("Content-Type")]
    [InlineData("Debug-X")]
    [InlineData("X-Drupal")]           // a family needs its dash and a name after it
    [InlineData("X-Kongregate-Id")]
    public void HasDebugPrefix_Others(string name) => Assert.False(LeakyResponseHeaders.HasDebugPrefix(name));
}
