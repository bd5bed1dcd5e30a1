using Microsoft.AspNetCore.Authorization;

namespace Gateway.Auth.Authorization;

/// <summary>The built-in policies.</summary>
internal static class AuthPolicies
{
    /// <summary>Any valid credentials.</summary>
    public static readonly AuthorizationPolicy Authenticated = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();

    /// <summary>For a policy name no generation defines; names are checked at load, so this only closes a race.</summary>
    public static readonly AuthorizationPolicy DenyAll = new AuthorizationPolicyBuilder()
        .RequireAuthenticatedUser()
        .RequireAssertion(static _ => false)
        .Build();
}
