using System.Collections.Frozen;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Gateway.Auth.Authorization;

/// <summary>A named policy's conditions beyond authentication: all scopes, one of the roles, each claim.</summary>
internal sealed class AccessRequirement(
    string policyName,
    IReadOnlyList<string> scopes,
    IReadOnlyList<string> roles,
    IReadOnlyList<KeyValuePair<string, FrozenSet<string>?>> claims) : IAuthorizationRequirement
{
    /// <summary>The value in a claim's list that accepts any value.</summary>
    public const string AnyValue = "*";

    public string PolicyName { get; } = policyName;

    /// <summary>Null when the caller meets the policy.</summary>
    public AccessDenial? Evaluate(ClaimsPrincipal user)
    {
        var missing = scopes.Where(s => !user.HasClaim(GatewayClaims.Scope, s)).ToArray();
        if (missing.Length > 0)
        {
            var list = string.Join(", ", missing);
            return new AccessDenial(
                $"The credentials lack the scope{(missing.Length == 1 ? "" : "s")} this resource requires: {list}.",
                $"policy '{PolicyName}': missing scope {list}",
                scopes);
        }

        if (roles.Count > 0 && !roles.Any(r => user.HasClaim(GatewayClaims.Role, r)))
        {
            return new AccessDenial(
                "The credentials lack a role this resource requires.",
                $"policy '{PolicyName}': none of the roles {string.Join(", ", roles)}",
                []);
        }

        foreach (var (type, values) in claims)
        {
            if (!user.Claims.Any(c => c.Type == type && (values is null || values.Contains(c.Value))))
            {
                return new AccessDenial(
                    "The credentials lack a claim this resource requires.",
                    $"policy '{PolicyName}': claim '{type}' missing or not an accepted value",
                    []);
            }
        }

        return null;
    }
}
