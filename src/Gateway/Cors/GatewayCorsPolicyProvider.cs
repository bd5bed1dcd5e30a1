using Gateway.Configuration;
using Microsoft.AspNetCore.Cors.Infrastructure;

namespace Gateway.Cors;

/// <summary>
/// Resolves a route's <c>CorsPolicy</c> name in the config generation in force, per request, so an edited policy
/// applies without a restart. No name (a route without a policy, the fallback, health): no policy, nothing added.
/// </summary>
internal sealed class GatewayCorsPolicyProvider(GatewaySnapshotAccessor snapshots) : ICorsPolicyProvider
{
    public Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName)
    {
        // YARP's validator asks too (without a request), after the store has made the new generation current.
        var policies = snapshots.CurrentOrNull?.Cors.Policies;
        if (policyName is null || policies is null || !policies.TryGetValue(policyName, out var policy))
        {
            return Task.FromResult<CorsPolicy?>(null);
        }

        return Task.FromResult<CorsPolicy?>(policy);
    }
}
