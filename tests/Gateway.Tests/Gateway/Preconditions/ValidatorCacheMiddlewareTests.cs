using System.Collections.Frozen;
using Gateway.Configuration;
using Gateway.Middleware;
using Gateway.Preconditions;
using Gateway.Transforms.Errors;
using Gateway.Transforms.Preconditions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Gateway.Tests.Gateway.Preconditions;

/// <summary>The cache step on hand-built contexts: a miss records what the transform offered, a hit needs no next step.</summary>
public sealed class ValidatorCacheMiddlewareTests
{
    private const string Tag = "\"abc\"";

    [Fact]
    public async Task MissThenHit_HitAnswers304WithRecordedFields_WithoutNextStep_AllocatingNothing()
    {
        var cache = new ValidatorCache(seconds: 60, maxEntries: 10);
        var middleware = Middleware(cache, Upstream);
        await middleware.InvokeAsync(Request(ifNoneMatch: null));
        Assert.Equal(1, cache.Count);

        var middlewareWithoutUpstream = Middleware(cache, _ => throw new InvalidOperationException("the upstream was asked"));
        await middlewareWithoutUpstream.InvokeAsync(Request(Tag)); // first call: JIT and statics
        var hit = Request("\"other\", W/" + Tag);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var task = middlewareWithoutUpstream.InvokeAsync(hit);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(task.IsCompletedSuccessfully);
        Assert.Equal(0, allocated);
        Assert.Equal(304, hit.Response.StatusCode);
        Assert.Equal(Tag, hit.Response.Headers.ETag.ToString());
        Assert.Equal("max-age=60", hit.Response.Headers.CacheControl.ToString());
        Assert.False(hit.Response.Headers.ContainsKey("X-Gateway-Own"));
        Assert.Equal(GatewayChanges.ConditionalAnswered | GatewayChanges.ValidatorCacheHit, hit.Features.Get<GatewayRequestFeature>()!.Changes);
    }

    [Fact]
    public async Task WriteDuringTheMiss_NothingRecorded()
    {
        var cache = new ValidatorCache(seconds: 60, maxEntries: 10);
        var writes = Middleware(cache, context =>
        {
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
        var middleware = Middleware(cache, async context =>
        {
            await Upstream(context);
            var write = Request(ifNoneMatch: null);
            write.Request.Method = "PUT";
            await writes.InvokeAsync(write); // a PUT to the same path completes before the GET's answer
        });

        await middleware.InvokeAsync(Request(ifNoneMatch: null));

        Assert.Equal(0, cache.Count);
    }

    private static Task Upstream(HttpContext context)
    {
        context.Response.StatusCode = 200;
        context.Response.Headers.CacheControl = "max-age=60";
        context.Response.Headers["X-Gateway-Own"] = "not from the upstream";
        using var upstream = new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new ByteArrayContent([]) };
        upstream.Headers.TryAddWithoutValidation("Cache-Control", "max-age=60");
        context.Features.Get<ValidatorCacheRecording>()!.Offer(context, upstream, new EntityTag(Tag, IsWeak: false));
        return Task.CompletedTask;
    }

    private static ValidatorCacheMiddleware Middleware(ValidatorCache cache, RequestDelegate next)
    {
        var store = new GatewaySnapshotAccessor
        {
            Current = new GatewaySnapshot
            {
                Generation = 1,
                Options = new GatewayOptions(),
                DefaultPolicy = new RoutePolicy { Profile = ErrorProfile.EdFi, ETags = ETagPolicy.Default with { Cache = cache } },
                RoutePolicies = FrozenDictionary<string, RoutePolicy>.Empty,
                Routes = [],
                Clusters = [],
                StrippedHeaders = FrozenSet<string>.Empty,
            },
        };
        return new ValidatorCacheMiddleware(next, store, s_versions);
    }

    private static readonly ResourceWriteVersions s_versions = new();

    private static DefaultHttpContext Request(string? ifNoneMatch)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = "/items/1";
        context.Request.Headers.Host = "gw.example";
        context.Features.Get<IHttpRequestFeature>()!.RawTarget = "/items/1";
        if (ifNoneMatch is not null)
        {
            context.Request.Headers.IfNoneMatch = ifNoneMatch;
        }

        context.Features.Set(new GatewayRequestFeature("id", "X-Correlation-Id"));
        context.Features.Set<IReverseProxyFeature>(new ProxyFeature());
        // The response's field store exists already: its growth is the response's, not the cache's.
        context.Response.Headers["X-Warm"] = "1";
        context.Response.Headers.Remove("X-Warm");
        return context;
    }

    private sealed class ProxyFeature : IReverseProxyFeature
    {
        public RouteModel Route { get; } = new(new RouteConfig { RouteId = "r" }, cluster: null, HttpTransformer.Empty);

        public ClusterModel Cluster => throw new NotSupportedException();

        public IReadOnlyList<DestinationState> AllDestinations => [];

        public IReadOnlyList<DestinationState> AvailableDestinations { get; set; } = [];

        public DestinationState? ProxiedDestination { get; set; }
    }
}
