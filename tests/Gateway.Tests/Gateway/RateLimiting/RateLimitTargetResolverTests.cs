using System.Collections.Frozen;
using System.Net;
using System.Security.Claims;
using Gateway.RateLimiting;
using Gateway.Transforms.RateLimiting;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Gateway.Tests.Gateway.RateLimiting;

public sealed class RateLimitTargetResolverTests
{
    [Theory]
    [InlineData(RateLimitPartitionBy.ClientIp, "alpha", "alice", "ip:198.51.100.7")]
    [InlineData(RateLimitPartitionBy.ApiKey, "alpha", "alice", "client:alpha")]
    [InlineData(RateLimitPartitionBy.ApiKey, null, "alice", "ip:198.51.100.7")]
    [InlineData(RateLimitPartitionBy.Subject, "alpha", "alice", "sub:alice")]
    [InlineData(RateLimitPartitionBy.Subject, "alpha", null, "client:alpha")]
    [InlineData(RateLimitPartitionBy.Subject, null, null, "ip:198.51.100.7")]
    [InlineData(RateLimitPartitionBy.Global, "alpha", "alice", "all")]
    public void Resolve_PartitionFromIdentityOrAddress(RateLimitPartitionBy by, string? clientId, string? subject, string expected)
    {
        var snapshot = Snapshot(by);

        var target = RateLimitTargetResolver.Resolve(Context("r", clientId, subject), snapshot);

        Assert.Equal(expected, target!.Key.Partition);
        Assert.Equal("p", target.Key.PolicyName);
    }

    [Fact]
    public void Resolve_UnauthenticatedClaims_AreNotTrusted()
    {
        var context = Context("r", null, null);
        context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("client_id", "forged")])); // no authentication type

        Assert.Equal("ip:198.51.100.7", RateLimitTargetResolver.Resolve(context, Snapshot(RateLimitPartitionBy.ApiKey))!.Key.Partition);
    }

    [Fact]
    public void Resolve_ExemptClientOrNetwork_NoTarget()
    {
        var snapshot = Snapshot(RateLimitPartitionBy.ClientIp, exemptClients: ["monitor"], exemptNetworks: [IPNetwork.Parse("198.51.100.0/24")]);

        Assert.Null(RateLimitTargetResolver.Resolve(Context("r", null, null), snapshot));
        Assert.Null(RateLimitTargetResolver.Resolve(Context("r", "monitor", null, address: "203.0.113.1"), snapshot));
        Assert.NotNull(RateLimitTargetResolver.Resolve(Context("r", "other", null, address: "203.0.113.1"), snapshot));
    }

    [Fact]
    public void Resolve_NoYarpEndpoint_OrRouteWithoutPolicy_NoTarget()
    {
        var snapshot = Snapshot(RateLimitPartitionBy.ClientIp);

        Assert.Null(RateLimitTargetResolver.Resolve(new DefaultHttpContext(), snapshot));
        Assert.Null(RateLimitTargetResolver.Resolve(Context("other", null, null), snapshot));
    }

    private static RateLimitSnapshot Snapshot(RateLimitPartitionBy by, string[]? exemptClients = null, IPNetwork[]? exemptNetworks = null)
    {
        var policy = new CompiledRateLimitPolicy
        {
            Name = "p",
            Spec = new LimiterSpec(RateLimitKind.FixedWindow, new QuotaShape(QuotaKind.FixedWindow, 1, 1000)),
            PartitionBy = by,
            Store = RateLimitStore.Memory,
            PolicyHeader = "\"p\";q=1;w=1",
            QuotaHeader = "1",
        };
        return new RateLimitSnapshot
        {
            RoutePolicies = new Dictionary<string, CompiledRateLimitPolicy> { ["r"] = policy }.ToFrozenDictionary(),
            ExemptClients = (exemptClients ?? []).ToFrozenSet(),
            ExemptNetworks = exemptNetworks ?? [],
        };
    }

    private static DefaultHttpContext Context(string routeId, string? clientId, string? subject, string address = "198.51.100.7")
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        var route = new RouteModel(new RouteConfig { RouteId = routeId }, cluster: null, HttpTransformer.Empty);
        context.SetEndpoint(new Endpoint(_ => Task.CompletedTask, new EndpointMetadataCollection(route), routeId));
        var claims = new List<Claim>();
        if (clientId is not null)
        {
            claims.Add(new Claim("client_id", clientId));
        }

        if (subject is not null)
        {
            claims.Add(new Claim("sub", subject));
        }

        if (claims.Count > 0)
        {
            context.User = new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
        }

        return context;
    }
}
