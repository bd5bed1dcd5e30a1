using System.Net;
using Gateway.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests;

/// <summary>Kestrel's socket transport takes its tuning from <c>Kestrel:Sockets</c>, and still serves with it.</summary>
public sealed class SocketTransportSettingsTests(ITestOutputHelper output)
{

    [Fact]
    public async Task InlineScheduling_FromConfig_BoundAndProxies()
    {
        await using var upstream = await FakeLegacyUpstream.StartAsync(app => app.MapGet("/ok", () => Results.Json(new { id = 1 })));
        var config = TestConfigs.CatchAll("\"Kestrel\": { \"Sockets\": { \"UnsafePreferInlineScheduling\": true, \"IOQueueCount\": 0 } }");
        await using var gateway = await GatewayHost.StartAsync(config, upstream.Address, output);

        var sockets = gateway.Services.GetRequiredService<IOptions<SocketTransportOptions>>().Value;
        Assert.True(sockets.UnsafePreferInlineScheduling);
        Assert.Equal(0, sockets.IOQueueCount);
        for (var i = 0; i < 20; i++)
        {
            using var response = await gateway.Client.GetAsync(new Uri("/ok", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("{\"id\":1}", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task NoSocketsSection_TransportDefaults()
    {
        await using var upstream = await FakeLegacyUpstream.StartAsync(app => app.MapGet("/ok", () => Results.Json(new { id = 1 })));
        await using var gateway = await GatewayHost.StartAsync(TestConfigs.CatchAll(), upstream.Address, output);

        var sockets = gateway.Services.GetRequiredService<IOptions<SocketTransportOptions>>().Value;
        Assert.False(sockets.UnsafePreferInlineScheduling);
        Assert.Equal(new SocketTransportOptions().IOQueueCount, sockets.IOQueueCount);
        using var response = await gateway.Client.GetAsync(new Uri("/ok", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
