using System.Security.Claims;

namespace Gateway.Auth.Jwt;

/// <summary>
/// Turns a validated token's claims into the gateway's claim types (<see cref="GatewayClaims"/>): scopes split into
/// one claim each, roles gathered, one client id. Runs once per token; the result is what the cache keeps.
/// </summary>
internal sealed class ClaimNormalizer
{
    public static readonly IReadOnlyList<string> DefaultScopeClaims = ["scope", "scp"];
    public static readonly IReadOnlyList<string> DefaultRoleClaims = ["roles", "role"];
    public static readonly IReadOnlyList<string> DefaultClientIdClaims = ["client_id", "azp", "appid"];

    private readonly HashSet<string> _scopeClaims;
    private readonly HashSet<string> _roleClaims;
    private readonly IReadOnlyList<string> _clientIdClaims;

    public ClaimNormalizer(IReadOnlyList<string> scopeClaims, IReadOnlyList<string> roleClaims, IReadOnlyList<string> clientIdClaims)
    {
        _scopeClaims = new HashSet<string>(scopeClaims.Count == 0 ? DefaultScopeClaims : scopeClaims, StringComparer.Ordinal);
        _roleClaims = new HashSet<string>(roleClaims.Count == 0 ? DefaultRoleClaims : roleClaims, StringComparer.Ordinal);
        _clientIdClaims = clientIdClaims.Count == 0 ? DefaultClientIdClaims : clientIdClaims;
    }

    public ClaimsIdentity Normalize(ClaimsIdentity source)
    {
        var claims = new List<Claim>();
        var scopes = new HashSet<string>(StringComparer.Ordinal);
        var roles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var claim in source.Claims)
        {
            if (_scopeClaims.Contains(claim.Type))
            {
                scopes.UnionWith(claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                continue;
            }

            if (_roleClaims.Contains(claim.Type))
            {
                roles.Add(claim.Value);
            }

            // The gateway's own types are derived below, never taken as sent.
            if (claim.Type is not (GatewayClaims.Scope or GatewayClaims.Role or GatewayClaims.ClientId))
            {
                claims.Add(new Claim(claim.Type, claim.Value, claim.ValueType, claim.Issuer, claim.OriginalIssuer));
            }
        }

        claims.AddRange(scopes.Select(s => new Claim(GatewayClaims.Scope, s)));
        claims.AddRange(roles.Select(r => new Claim(GatewayClaims.Role, r)));
        foreach (var type in _clientIdClaims)
        {
            if (source.FindFirst(type) is { Value.Length: > 0 } clientId)
            {
                claims.Add(new Claim(GatewayClaims.ClientId, clientId.Value));
                break;
            }
        }

        return new ClaimsIdentity(claims, GatewayClaims.BearerAuthenticationType, GatewayClaims.Subject, GatewayClaims.Role);
    }
}
