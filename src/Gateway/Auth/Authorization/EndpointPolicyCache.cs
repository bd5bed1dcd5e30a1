using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Authorization;

namespace Gateway.Auth.Authorization;

/// <summary>
/// The combined authorization policy of each endpoint, for the config generation it was combined in: ASP.NET Core's
/// own cache cannot be used because policies follow hot reloads, and combining anew builds a policy per request.
/// </summary>
internal sealed class EndpointPolicyCache(IAuthorizationPolicyProvider provider)
{
    private readonly ConditionalWeakTable<Endpoint, Entry> _entries = [];

    /// <summary>The endpoint's policy, or null when it needs none (no metadata and no default policy).</summary>
    public ValueTask<AuthorizationPolicy?> GetAsync(Endpoint? endpoint, AuthSnapshot auth)
    {
        if (endpoint is null || !HasAuthorizationMetadata(endpoint))
        {
            // The framework combines nothing into the fallback policy, which is the generation's default policy.
            return ValueTask.FromResult(auth.FallbackPolicy);
        }

        return _entries.TryGetValue(endpoint, out var entry) && ReferenceEquals(entry.Auth, auth)
            ? ValueTask.FromResult(entry.Policy)
            : CombineAsync(endpoint, auth);
    }

    public static bool HasAuthorizationMetadata(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IAuthorizeData>() is not null
        || endpoint.Metadata.GetMetadata<AuthorizationPolicy>() is not null
        || endpoint.Metadata.GetMetadata<IAuthorizationRequirementData>() is not null;

    private async ValueTask<AuthorizationPolicy?> CombineAsync(Endpoint endpoint, AuthSnapshot auth)
    {
        var policy = await AuthorizationPolicy.CombineAsync(
            provider,
            endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(),
            endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>());
        var requirements = endpoint.Metadata.GetOrderedMetadata<IAuthorizationRequirementData>();
        if (requirements.Count > 0)
        {
            var builder = policy is null ? new AuthorizationPolicyBuilder() : new AuthorizationPolicyBuilder(policy);
            foreach (var data in requirements)
            {
                builder.AddRequirements([.. data.GetRequirements()]);
            }

            policy = builder.Build();
        }

        _entries.AddOrUpdate(endpoint, new Entry(auth, policy));
        return policy;
    }

    private sealed record Entry(AuthSnapshot Auth, AuthorizationPolicy? Policy);
}
