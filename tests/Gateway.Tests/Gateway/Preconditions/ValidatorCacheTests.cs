using Gateway.Preconditions;
using Microsoft.Extensions.Primitives;

namespace Gateway.Tests.Gateway.Preconditions;

/// <summary>The store's bounds and invalidation, without a server and without waiting on time.</summary>
public sealed class ValidatorCacheTests
{
    [Fact]
    public void Store_ThenFind_SameKey_ReturnsEntry_ReplacesWithoutGrowing()
    {
        var versions = new ResourceWriteVersions();
        var cache = new ValidatorCache(seconds: 60, maxEntries: 10);

        cache.Store("k", Entry("\"1\"", versions), versions);
        cache.Store("k", Entry("\"2\"", versions), versions);

        Assert.Equal("\"2\"", cache.Find("k", versions)!.OpaqueTag);
        Assert.Null(cache.Find("other", versions));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void Find_AfterAWriteToThePath_Null_AndTheEntryIsDropped()
    {
        var versions = new ResourceWriteVersions();
        var cache = new ValidatorCache(seconds: 60, maxEntries: 10);
        cache.Store("k", Entry("\"1\"", versions), versions);

        versions.Bump(Stripe);

        Assert.Null(cache.Find("k", versions));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Store_WhenFullOfLiveEntries_StaysWithinMaxEntries()
    {
        var versions = new ResourceWriteVersions();
        var cache = new ValidatorCache(seconds: 60, maxEntries: 20);

        for (var i = 0; i < 100; i++)
        {
            cache.Store("k" + i, Entry("\"1\"", versions), versions);
            Assert.InRange(cache.Count, 1, 20);
        }
    }

    [Fact]
    public void Store_WhenFull_SupersededEntriesAreSweptFirst()
    {
        var versions = new ResourceWriteVersions();
        var cache = new ValidatorCache(seconds: 60, maxEntries: 4);
        for (var i = 0; i < 4; i++)
        {
            cache.Store("old" + i, Entry("\"1\"", versions), versions);
        }

        versions.Bump(Stripe);
        cache.Store("new", Entry("\"2\"", versions), versions);

        Assert.Equal(1, cache.Count);
        Assert.NotNull(cache.Find("new", versions));
    }

    [Fact]
    public void VaryMatches_ComparesTheNamedRequestFields()
    {
        var versions = new ResourceWriteVersions();
        var entry = Entry("\"1\"", versions) with { VaryNames = ["Accept"], VaryValues = [new StringValues("application/json")] };

        Assert.True(entry.VaryMatches(new Microsoft.AspNetCore.Http.HeaderDictionary { ["accept"] = "application/json" }));
        Assert.False(entry.VaryMatches(new Microsoft.AspNetCore.Http.HeaderDictionary { ["Accept"] = "text/plain" }));
        Assert.False(entry.VaryMatches(new Microsoft.AspNetCore.Http.HeaderDictionary()));
    }

    private static readonly int Stripe = ResourceWriteVersions.StripeOf("route", "/items/1");

    private static ValidatorCacheEntry Entry(string tag, ResourceWriteVersions versions) =>
        new(tag, [new("ETag", tag)], [], [], Stripe, versions.Read(Stripe), ExpiresAt: 0);
}
