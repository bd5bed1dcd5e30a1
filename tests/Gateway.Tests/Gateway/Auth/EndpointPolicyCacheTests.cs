using Gateway.Auth;
using Gateway.Auth.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace Gateway.Tests.Gateway.Auth;

public sealed class EndpointPolicyCacheTests
{
    private static readonly AuthorizationPolicy s_readers = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireClaim("scope", "read").Build();
    private static readonly AuthorizationPolicy s_fallback = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();

    [Fact]
    public async Task NamedPolicy_CombinedOncePerGeneration_AndAgainForTheNext()
    {
        var provider = new CountingProvider();
        var cache = new EndpointPolicyCache(provider);
        var endpoint = Endpoint(new AuthorizeAttribute("readers"));
        var generation = Generation();

        var first = await cache.GetAsync(endpoint, generation);
        var second = await cache.GetAsync(endpoint, generation);
        var next = await cache.GetAsync(endpoint, Generation());

        Assert.Same(first, second);
        Assert.Equal(s_readers.Requirements, first!.Requirements);
        Assert.NotNull(next);
        Assert.Equal(2, provider.Lookups);
    }

    [Fact]
    public async Task NoMetadata_TheGenerationsDefaultPolicy_OrNone()
    {
        var cache = new EndpointPolicyCache(new CountingProvider());

        Assert.Same(s_fallback, await cache.GetAsync(Endpoint(), Generation(s_fallback)));
        Assert.Same(s_fallback, await cache.GetAsync(null, Generation(s_fallback)));
        Assert.Null(await cache.GetAsync(Endpoint(), Generation()));
    }

    private static AuthSnapshot Generation(AuthorizationPolicy? fallback = null) => new()
    {
        Realm = AuthSnapshot.Empty.Realm,
        IdentityHeaders = AuthSnapshot.Empty.IdentityHeaders,
        Policies = AuthSnapshot.Empty.Policies,
        Routes = AuthSnapshot.Empty.Routes,
        FallbackPolicy = fallback,
    };

    private static Endpoint Endpoint(params object[] metadata) => new(_ => Task.CompletedTask, new EndpointMetadataCollection(metadata), "test");

    private sealed class CountingProvider : IAuthorizationPolicyProvider
    {
        public int Lookups { get; private set; }

        public Task<AuthorizationPolicy> GetDefaultPolicyAsync() => Task.FromResult(s_fallback);

        public Task<AuthorizationPolicy?> GetFallbackPolicyAsync() => Task.FromResult<AuthorizationPolicy?>(null);

        public Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
        {
            Lookups++;
            return Task.FromResult<AuthorizationPolicy?>(policyName == "readers" ? s_readers : null);
        }
    }
}
