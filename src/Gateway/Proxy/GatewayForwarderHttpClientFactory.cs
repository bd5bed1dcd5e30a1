using Yarp.ReverseProxy.Forwarder;

namespace Gateway.Proxy;

/// <summary>YARP's client for each cluster, with the gateway's checks of what an upstream answers.</summary>
internal sealed class GatewayForwarderHttpClientFactory(ILogger<ForwarderHttpClientFactory> logger) : ForwarderHttpClientFactory(logger)
{
    protected override HttpMessageHandler WrapHandler(ForwarderHttpClientContext context, HttpMessageHandler handler) =>
        new UnreadableResponseGuard(base.WrapHandler(context, handler));
}
