using System.Net;
using Gateway.Transforms.RateLimiting;

namespace Gateway.Tests.Transforms.RateLimiting;

public sealed class ClientAddressResolverTests
{
    private static readonly IPNetwork[] s_trusted = [IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("127.0.0.1/32")];

    [Theory]
    // Untrusted peer: whatever it claims is ignored.
    [InlineData("198.51.100.7", "1.2.3.4", "198.51.100.7")]
    // Trusted peer: the rightmost untrusted hop is the client; what it claims further left is ignored.
    [InlineData("10.1.1.1", "1.2.3.4", "1.2.3.4")]
    [InlineData("10.1.1.1", "9.9.9.9, 1.2.3.4", "1.2.3.4")]
    [InlineData("10.1.1.1", "1.2.3.4, 10.2.2.2", "1.2.3.4")]
    [InlineData("127.0.0.1", "1.2.3.4:5678, 10.0.0.9", "1.2.3.4")]
    [InlineData("10.1.1.1", "[2001:db8::1]:443", "2001:db8::1")]
    // Garbage or "unknown": the last trusted hop is all that is known.
    [InlineData("10.1.1.1", "unknown", "10.1.1.1")]
    [InlineData("10.1.1.1", "1.2.3.4, garbage", "10.1.1.1")]
    // Dual-stack sockets report IPv4 clients as IPv4-mapped IPv6.
    [InlineData("::ffff:10.1.1.1", "::ffff:1.2.3.4", "1.2.3.4")]
    [InlineData("::ffff:198.51.100.7", "", "198.51.100.7")]
    public void Resolve_WalksForwardedForOnlyPastTrustedProxies(string peer, string forwardedFor, string expected)
    {
        var result = ClientAddressResolver.Resolve(IPAddress.Parse(peer), forwardedFor.Length == 0 ? [] : [forwardedFor], s_trusted);

        Assert.Equal(IPAddress.Parse(expected), result);
    }

    [Fact]
    public void Resolve_SeveralFieldLines_ReadAsOneList()
    {
        var result = ClientAddressResolver.Resolve(IPAddress.Parse("10.0.0.1"), ["5.5.5.5, 6.6.6.6", "10.0.0.2"], s_trusted);

        Assert.Equal(IPAddress.Parse("6.6.6.6"), result);
    }

    [Fact]
    public void Resolve_NoTrustedProxies_PeerEvenWhenHeaderPresent()
    {
        Assert.Equal(IPAddress.Loopback, ClientAddressResolver.Resolve(IPAddress.Loopback, ["1.2.3.4"], []));
    }

    [Fact]
    public void Resolve_LongChainOfTrustedHops_IsBounded()
    {
        var chain = string.Join(", ", Enumerable.Range(1, 100).Select(i => $"10.0.{i / 256}.{i % 256}"));

        var result = ClientAddressResolver.Resolve(IPAddress.Parse("10.0.0.1"), ["1.2.3.4, " + chain], s_trusted);

        Assert.NotEqual(IPAddress.Parse("1.2.3.4"), result);
    }

    [Theory]
    [InlineData("10.0.0.5", true)]
    [InlineData("10.0.0.0/8", true)]
    [InlineData("fd00::/8", true)]
    [InlineData("::1", true)]
    [InlineData("10.0.0.0/33", false)]
    [InlineData("proxy.local", false)]
    [InlineData("", false)]
    public void TryParseNetwork_AddressesAndCidr(string text, bool valid)
    {
        Assert.Equal(valid, ClientAddressResolver.TryParseNetwork(text, out _));
    }
}
