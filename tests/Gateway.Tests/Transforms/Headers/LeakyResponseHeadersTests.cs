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
    public void HasDebugPrefix_DebugFamilies(string name) => Assert.True(LeakyResponseHeaders.HasDebugPrefix(name));

    [Theory]
    [InlineData("X-Debug")]            // by name, in BuiltIn
    [InlineData("X-Debugger-Session")] // not the family
    [InlineData("X-Total-Count")]
    [InlineData("Content-Type")]
    [InlineData("Debug-X")]
    public void HasDebugPrefix_Others(string name) => Assert.False(LeakyResponseHeaders.HasDebugPrefix(name));
}
