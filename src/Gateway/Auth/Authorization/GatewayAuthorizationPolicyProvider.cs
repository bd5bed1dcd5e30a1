using Gateway.Auth.Options;
using Gateway.Configuration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Gateway.Auth.Authorization;

/// <summary>
/// Policies come from the config generation in force, so an edit that adds or changes a policy applies without a
/// restart. YARP's validator asks for every route's <c>AuthorizationPolicy</c> before the new generation is in force:
/// an unknown name resolves to a deny-all policy here and the gateway's own validator reports it with its path.
/// </summary>
internal sealed class GatewayAuthorizationPolicyProvider(IOptions<AuthorizationOptions> options, GatewaySnapshotAccessor snapshot)
    : IAuthorizationPolicyProvider
{
    private const string YarpDefault = "Default";

    private readonly DefaultAuthorizationPolicyProvider _registered = new(options);

    // Policies change with the config: the authorization middleware must not keep them per endpoint.
    public bool AllowsCachingPolicies => false;

    /// <summary>YARP's <c>"AuthorizationPolicy": "Default"</c>: any valid credentials.</summary>
    public Task<AuthorizationPolicy> GetDefaultPolicyAsync() => Task.FromResult(AuthPolicies.Authenticated);

    /// <summary>Routes that name no policy get <c>Gateway:Authorization:DefaultPolicy</c>.</summary>
    public Task<AuthorizationPolicy?> GetFallbackPolicyAsync() => Task.FromResult(snapshot.CurrentOrNull?.Auth.FallbackPolicy);

    public async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (snapshot.CurrentOrNull?.Auth.Policies.TryGetValue(policyName, out var policy) == true)
        {
            return policy;
        }

        if (string.Equals(policyName, GatewayAuthorizationOptions.Authenticated, StringComparison.OrdinalIgnoreCase))
        {
            return AuthPolicies.Authenticated;
        }

        // YARP's reserved names must stay unregistered: YARP maps them to [Authorize] and [AllowAnonymous] itself.
        if (string.Equals(policyName, YarpDefault, StringComparison.OrdinalIgnoreCase)
            || string.Equals(policyName, GatewayAuthorizationOptions.Anonymous, StringComparison.OrdinalIgnoreCase))
        {
            return await _registered.GetPolicyAsync(policyName);
        }

        return await _registered.GetPolicyAsync(policyName) ?? AuthPolicies.DenyAll;
    }
}
